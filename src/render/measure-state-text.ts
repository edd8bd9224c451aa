import type { MeasureState } from '../core/rules/evaluate.js';

/** “逾期 15 天”, “临期，还剩 5 天”, “还剩 120 天”, “长期” … for tables and lists. */
export function stateText(state: MeasureState): string {
  switch (state.phase) {
    case '严重逾期':
    case '逾期':
      return `${state.phase} ${state.daysOverdue} 天`;
    case '临期':
      return state.daysLeft === 0 ? '临期，今天到期' : `临期，还剩 ${state.daysLeft} 天`;
    case '本月未报进展':
      return `${state.kind === 'ongoing' ? '长期' : '适时'}，${state.reportMonth} 未报进展`;
    case '推进中':
    case '未启动':
      return state.daysLeft === undefined ? state.phase : `还剩 ${state.daysLeft} 天`;
    default:
      return state.phase;
  }
}

/** A deadline column is never narrower than “2020年12月底前”, so a written deadline stays on one line. */
export const DEADLINE_MIN_WIDTH = 14;

/** The written deadline with what counts now: the current milestone of several, an approved extension. */
export function deadlineText(written: string, state: MeasureState, separator = ''): string {
  const notes: string[] = [];
  if ((state.milestoneCount ?? 0) > 1 && state.currentMilestone) {
    notes.push(`节点 ${state.milestoneNumber}/${state.milestoneCount}：${state.currentMilestone.label}`);
  }
  if (state.extended) notes.push(`已批准延期至 ${state.effectiveDue}`);
  return notes.length > 0 ? `${written}${separator}（${notes.join('；')}）` : written;
}

/** A full sentence on what the deadline means on the day, for `ledger show`. */
export function deadlineMeaning(state: MeasureState, asOf: string, escalationDays: number): string {
  if (state.phase === '已完成') return '已完成，不计逾期。';
  if (state.kind === 'unknown') return '完成时限无法识别，不计算逾期（运行 ledger validate 查看）。';
  if (state.kind !== 'dated') {
    const kind = state.kind === 'ongoing' ? '长期' : '适时';
    const base = `${kind}事项，不设完成时限，不计逾期`;
    return state.noProgressThisMonth ? `${base}；但 ${state.reportMonth} 没有任何单位报送进展。` : `${base}。`;
  }
  if (!state.effectiveDue || !state.currentMilestone) return '各时间节点均已完成，但状态尚未标为已完成。';
  const count = state.milestoneCount ?? 1;
  const milestone = count > 1 ? `第 ${state.milestoneNumber}/${count} 个节点` : state.currentMilestone.label;
  const extension = state.extended ? `，原定 ${state.writtenDue}，已批准延期` : '';
  const due = `应于 ${state.effectiveDue}（${milestone}${count > 1 ? ` ${state.currentMilestone.label}` : ''}${extension}）前完成`;
  if (state.overdue) {
    const tier = state.escalated ? `（逾期超过 ${escalationDays} 天即为严重逾期）` : '';
    return `${due}，截至 ${asOf} 已逾期 ${state.daysOverdue} 天${tier}。`;
  }
  return `${due}，截至 ${asOf} 还剩 ${state.daysLeft} 天。`;
}
