/**
 * 较上月 in the summary's tables (Markdown, xlsx, docx alike): a column beside the headline figures
 * and the area rows, and the section of measures whose status changed. Every figure is the
 * summary's own `change` (core/summaries/month-change.ts), the one the docx narrative quotes too.
 */
import {
  NO_PREVIOUS_MONTH,
  areaChangeText,
  signed,
  type CountsDelta,
  type MonthChange,
} from '../core/summaries/month-change.js';
import type { MonthlySummary } from '../core/summaries/monthly-summary.js';
import type { SummarySection } from './summary-sections.js';

/** The headline rows' keys, in the order of the 总体情况 table. */
export const HEADLINE_KEYS = [
  'measures',
  'done',
  'inProgress',
  'notStarted',
  'overdue',
  'escalated',
  'dueSoon',
  'dueNextMonth',
  'ongoing',
  'completionPercent',
] as const;

/** The 较上月 cell of each headline row, in HEADLINE_KEYS order. */
export function headlineChangeCells(change: MonthChange): string[] {
  return HEADLINE_KEYS.map((key) =>
    key === 'completionPercent' ? `${signed(change.headline[key])}个百分点` : signed(change.headline[key]),
  );
}

/** The line under 总体情况 that says what this month is compared with. */
export function changeNote(summary: MonthlySummary): string | undefined {
  if (summary.change === undefined) return undefined;
  if (summary.change === null) return NO_PREVIOUS_MONTH;
  return `较上月：与 ${summary.change.asOf} 的汇总相比（${summary.change.version}）`;
}

/** Each area row's 较上月, total last (the headline's change). */
export function areaChangeCells(change: MonthChange): string[] {
  return [...change.areas.map((row) => areaChangeText(row)), areaChangeText(change.headline as CountsDelta)];
}

/** 本月状态变化: the measures whose status changed since last month's summary. */
export function statusChangeSection(summary: MonthlySummary): SummarySection | undefined {
  const change = summary.change;
  if (!change) return undefined;
  const rows = change.measures.map((m) => [m.id, m.title, `${m.from ?? '（新增）'} → ${m.to}`, m.units.join('、')]);
  return {
    name: '状态变化',
    title: `本月状态变化的措施（${rows.length} 项）`,
    header: ['编号', '具体措施', '状态变化', '责任部门'],
    rows,
    note: rows.length
      ? `与上月汇总（${change.asOf}）相比，状态（未启动/推进中/已完成）有变化的措施。`
      : `与上月汇总（${change.asOf}）相比，没有状态变化的措施。`,
  };
}
