/**
 * The 台账's 工作完成情况 and 备注 cells. The status stands on its own first
 * line (with how late it is and who holds the measure back); below it each
 * responsible unit has its own line, `单位（状态）：文字`, a unit that never
 * reported `单位：未报送`; further lines of a unit's text are indented under it,
 * so `下一步：…` never reads as a unit. Pure.
 */
import type { MeasureState } from '../rules/evaluate.js';
import { holdBackText } from '../rules/part-text.js';
import type { Part } from '../rules/parts.js';
import type { Measure } from '../model/schema.js';

/** Continuation lines of a unit's text are indented by two ideographic spaces. */
export const CONTINUATION_INDENT = '\u3000\u3000';

export interface CellView {
  /** The parts of the measure (parts.ts measureParts); without them the stored progress text is shown. */
  parts?: readonly Part[];
  /** A unit's view (render --unit): the first line gives that unit's part first, then the measure's. */
  unit?: { name: string; state: MeasureState };
}

/** 工作完成情况: status line, then one line per unit (or the stored text when nobody reported yet). */
export function progressLabel(measure: Measure, state: MeasureState, view: CellView = {}): string {
  const head = [statusLine(measure.status, state)];
  if (view.unit) head.unshift(`本单位 ${statusLine(view.unit.state.status, view.unit.state)}`);
  const hold = holdBackText(view.parts ?? []);
  if (hold) head.push(hold);
  const first = view.unit ? `${head[0]}；整体 ${head.slice(1).join('，')}` : head.join('；');
  const reported = (view.parts ?? []).some((p) => p.report);
  const body = reported ? unitLines(view.parts ?? []) : indentText(measure.progress.trim(), '');
  return [first, ...(body ? [body] : [])].join('\n');
}

function statusLine(status: string, state: MeasureState): string {
  return `${status}${state.overdue ? `（${state.escalated ? '严重逾期' : '逾期'} ${state.daysOverdue} 天）` : ''}`;
}

/** One line per unit in the order of 责任部门; a report older than the newest carries its month. */
export function unitLines(parts: readonly Part[]): string {
  const newest = parts.reduce((max, p) => (p.report && p.report.month > max ? p.report.month : max), '');
  return parts
    .map((part) => {
      if (!part.report) return `${part.unit}：${part.status === '已完成' ? '已完成' : '未报送'}`;
      const when = part.report.month < newest ? `，${part.report.month}` : '';
      const text = part.report.progress.trim();
      return `${part.unit}（${part.report.status}${when}）${text ? `：${indentText(text, CONTINUATION_INDENT)}` : ''}`;
    })
    .join('\n');
}

/** Multi-line text with every line after the first indented. */
export function indentText(text: string, indent: string): string {
  return text
    .split(/\r?\n/)
    .map((line, i) => (i === 0 || !line.trim() ? line : `${indent}${line}`))
    .join('\n');
}

/** 备注: the remark, then extensions by unit (they move that unit's part; the written 完成时限 stays). */
export function remarkLabel(measure: Measure, state: MeasureState): string {
  const notes = measure.remark.trim() ? [measure.remark.trim()] : [];
  for (const extension of measure.extensions ?? []) {
    if (extension.state === '已批准') notes.push(`${extension.requested_by}已批准延期至 ${extension.until}`);
    if (extension.state === '待审批') notes.push(`${extension.requested_by}申请延期至 ${extension.until}（待审批）`);
  }
  if (state.extended && state.extension && !notes.some((n) => n.endsWith(state.extension!.until))) {
    notes.push(`已批准延期至 ${state.extension.until}`);
  }
  return notes.join('\n');
}
