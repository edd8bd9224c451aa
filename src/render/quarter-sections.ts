/**
 * The quarterly report as titled tables: the one content that the Markdown and the xlsx renderer
 * lay out (a section each, a sheet each), as summary-sections.ts does for the monthly summary.
 */
import { chineseNumeral } from '../core/model/ledger-labels.js';
import type { QuarterMeasure, QuarterlyReport } from '../core/summaries/quarterly-report.js';
import type { Counts } from '../core/rules/rollup.js';
import { quarterReportingSection } from './quarter-reporting-section.js';
import { LIGHT_NOTE, monthLabel, type SummarySection } from './summary-sections.js';

export function quarterTitle(report: QuarterlyReport): string {
  return `${report.title}季度报告（${report.label}）`;
}

export function quarterSections(report: QuarterlyReport): SummarySection[] {
  const sections = [
    headline(report),
    completed(report),
    overdue(report),
    byLead(report),
    trend(report),
    quarterReportingSection(report),
  ];
  return sections.map((section, i) => ({ ...section, title: `${chineseNumeral(i + 1)}、${section.title}` }));
}

/** The days the quarter's start and end were counted on, and the versions read. */
export function quarterNote(r: QuarterlyReport): string {
  const partial = r.end.day < r.lastDay ? `（季度至 ${r.lastDay} 结束，按 ${r.end.day} 计算）` : '';
  return [
    `季初 ${r.start.day}：${r.start.version.label}${r.start.note ? `（${r.start.note}）` : ''}`,
    `季末 ${r.end.day}${partial}：${r.end.version.label}`,
  ].join('\n');
}

function headline(r: QuarterlyReport): SummarySection {
  const row = (name: string, pick: (c: Counts) => number, note: string, unit = '') => {
    const [a, b] = [pick(r.start.counts), pick(r.end.counts)];
    const change = signed(b - a);
    return [name, `${a}${unit}`, `${b}${unit}`, unit && b !== a ? `${change} 个百分点` : change, note];
  };
  const o = r.overdue;
  return {
    name: '总体情况',
    title: '总体情况',
    note: quarterNote(r),
    header: ['项目', `季初（${r.start.day}）`, `季末（${r.end.day}）`, '变化', '说明'],
    rows: [
      row('具体措施', (c) => c.measures, '台账中的具体措施'),
      row('已完成', (c) => c.done, `本季度完成 ${r.completed.length} 项`),
      row('推进中', (c) => c.inProgress, ''),
      row('未启动', (c) => c.notStarted, ''),
      row('逾期', (c) => c.overdue, `新增 ${o.newly.length} 项，消除 ${o.cleared.length} 项（含严重逾期）`),
      row('其中严重逾期', (c) => c.escalated, ''),
      row('完成率', (c) => c.completionPercent, '已完成 ÷ 具体措施', '%'),
    ],
  };
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

function measureCells(m: QuarterMeasure): string[] {
  return [m.id, m.title, m.deadline, m.units.join('、'), m.leads.join('、')];
}

function completed(r: QuarterlyReport): SummarySection {
  const rows = r.completed.map((m) => [
    ...measureCells(m),
    m.completedOn ?? '',
    monthLabel(m.month),
    m.overdueAtStart ? '逾期完成' : '',
  ]);
  return {
    name: '本季度完成',
    title: `本季度完成的措施（${r.completed.length} 项）`,
    header: ['编号', '具体措施', '完成时限', '责任部门', '牵头单位', '完成日期', '计入月份', '备注'],
    rows,
    note: r.completed.length
      ? '季末已完成、季初尚未完成的措施。完成日期取自各单位报送的完成日期；计入月份：台账在该月月底第一次记为已完成。'
      : `${r.label}没有新完成的措施。`,
  };
}

function overdue(r: QuarterlyReport): SummarySection {
  const o = r.overdue;
  const atStart = new Set(o.start.map((m) => m.id));
  const atEnd = new Map(o.end.map((m) => [m.id, m]));
  const reasons = new Map(o.cleared.map((m) => [m.id, m.reason]));
  const days = (m: QuarterMeasure | undefined) => (m ? `${m.daysOverdue}${m.escalated ? '（严重逾期）' : ''}` : '');
  const ids = [...o.end.map((m) => m.id), ...o.cleared.map((m) => m.id)];
  const byId = new Map([...o.start, ...o.cleared, ...o.end].map((m) => [m.id, m]));
  const rows = ids.map((id) => {
    const m = byId.get(id)!;
    const change = reasons.get(id) ?? (atStart.has(id) ? '仍逾期' : '新增逾期');
    return [m.id, m.title, m.deadline, m.units.join('、'), atStart.has(id) ? '逾期' : '', days(atEnd.get(id)), change];
  });
  const done = o.cleared.filter((m) => m.reason === '已完成').length;
  const extended = o.cleared.filter((m) => m.reason === '已延期').length;
  return {
    name: '逾期变化',
    title: '逾期措施：季初与季末',
    header: ['编号', '具体措施', '完成时限', '责任部门', '季初', '季末逾期天数', '变化'],
    rows,
    note:
      `季初逾期 ${o.start.length} 项，季末逾期 ${o.end.length} 项：新增 ${o.newly.length} 项，` +
      `消除 ${o.cleared.length} 项（已完成 ${done}、已延期 ${extended}、其他 ${o.cleared.length - done - extended}）。` +
      (rows.length ? '' : '季初和季末都没有逾期措施。'),
  };
}

function byLead(r: QuarterlyReport): SummarySection {
  const rows = r.leads.map((l) => [
    l.lead,
    l.areas.map((a) => chineseNumeral(a)).join('、'),
    String(l.tasks),
    String(l.measures),
    String(l.done),
    String(l.completed),
    String(l.overdueAtStart),
    String(l.overdue),
    `${l.completionPercent}%`,
    l.light === '黄' && l.caughtUp > 0 ? '黄（补齐）' : l.light,
  ]);
  return {
    name: '牵头单位',
    title: '各牵头单位负责的主要指标',
    header: [
      '牵头单位',
      '主要指标',
      '目标任务',
      '措施数',
      '已完成',
      '本季度完成',
      '季初逾期',
      '季末逾期',
      '完成率',
      '状态灯',
    ],
    rows,
    lightColumn: 9,
    note: `按季末计算。${LIGHT_NOTE}`,
  };
}

function trend(r: QuarterlyReport): SummarySection {
  const rows = r.trend.map(({ month, day, row }) => [
    monthLabel(month),
    day,
    ...[row.measures, row.done, row.inProgress, row.notStarted, row.overdue, row.escalated, row.newlyDone].map(String),
    row.reportRate === null ? '—' : `${row.reportRate}%`,
  ]);
  return {
    name: '逐月走势',
    title: '本季度逐月情况',
    header: ['月份', '计算日', '措施数', '已完成', '推进中', '未启动', '逾期', '严重逾期', '新完成', '报送率'],
    rows,
    note:
      '每月取月底已提交的台账计算，与 ledger trend 的数字相同。新完成：月底已完成、上月底未完成；' +
      '报送率：按时报送的单位 ÷ 应报单位。\n' +
      r.trend.map((t) => `${monthLabel(t.month)}：${t.version.label}`).join('\n'),
  };
}
