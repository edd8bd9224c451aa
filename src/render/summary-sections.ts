/**
 * The monthly summary as a list of titled tables: the one content that both
 * the Markdown and the xlsx renderer lay out (a section each, a sheet each).
 */
import { noticeCountsText } from '../core/rules/supervision-record.js';
import { PHASE_DESCRIPTIONS } from '../core/rules/evaluate.js';
import { pendingUnitsText } from '../core/rules/part-text.js';
import { chineseNumeral } from '../core/model/ledger-labels.js';
import type { MonthlySummary } from '../core/summaries/monthly-summary.js';
import type { ReportState } from '../core/reports/report-counts.js';
import type { Counts, Light, MeasureItem } from '../core/rules/rollup.js';
import type { UnitRecord } from '../core/summaries/unit-ranking.js';
import { arrivalLabel, fileLabel } from './print-text.js';
import { lightLabel, redMonthsText } from '../core/rules/remembered-lights.js';
import { areaChangeCells, changeNote, headlineChangeCells, statusChangeSection } from './summary-change.js';

export interface SummarySection {
  /** Short name, also the xlsx sheet name (at most 31 characters). */
  name: string;
  title: string;
  /** A sentence above the table. */
  note?: string;
  header: string[];
  rows: string[][];
  /** Index of the column holding a traffic light (红/黄/绿). */
  lightColumn?: number;
  /** The last row is a total row. */
  totalRow?: boolean;
}

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  'on-time': '按时报送',
  late: '迟报',
  missing: '未报送',
  received: '已报送',
  uncommitted: '已报送（未提交）',
};

const COUNT_HEADER = ['措施数', '已完成', '推进中', '未启动', '逾期', '临期', '完成率', '状态灯'];

function countCells(c: Counts & { redMonths?: number }): string[] {
  return [c.measures, c.done, c.inProgress, c.notStarted, c.overdue, c.dueSoon]
    .map(String)
    .concat(`${c.completionPercent}%`, lightLabel(c));
}

export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

export function summaryTitle(summary: MonthlySummary): string {
  return `${summary.title}月度汇总（${monthLabel(summary.month)}）`;
}

export function summarySections(summary: MonthlySummary): SummarySection[] {
  const sections = [headline(summary), byArea(summary), overdue(summary), completed(summary)];
  const changed = statusChangeSection(summary);
  if (changed) sections.push(changed);
  sections.push(dueNext(summary), reporting(summary), byLead(summary), ranking(summary));
  return sections.map((section, i) => ({ ...section, title: `${chineseNumeral(i + 1)}、${section.title}` }));
}

function headline(s: MonthlySummary): SummarySection {
  const h = s.headline;
  const rows = [
    ['具体措施', h.measures, '台账中的具体措施总数'],
    ['已完成', h.done, '状态为已完成'],
    ['推进中', h.inProgress, '状态为推进中'],
    ['未启动', h.notStarted, '状态为未启动'],
    ['逾期', h.overdue, PHASE_DESCRIPTIONS.逾期 + '（含严重逾期）'],
    ['其中严重逾期', h.escalated, PHASE_DESCRIPTIONS.严重逾期],
    ['临期', h.dueSoon, PHASE_DESCRIPTIONS.临期],
    [`下月（${monthLabel(s.nextMonth)}）到期`, h.dueNextMonth, `未完成且当前完成时限在${monthLabel(s.nextMonth)}`],
    ['长期/适时', h.ongoing, '不设完成时限的措施'],
    ['完成率', `${h.completionPercent}%`, '已完成 ÷ 具体措施'],
  ].map((row) => row.map(String));
  const changes = s.change ? headlineChangeCells(s.change) : undefined;
  const note = [`截至 ${s.asOf}。`, s.version, changeNote(s)].filter((line) => line !== undefined).join('\n');
  return {
    name: '总体情况',
    title: '总体情况',
    note,
    header: changes ? ['项目', '数量', '较上月', '说明'] : ['项目', '数量', '说明'],
    rows: changes ? rows.map(([name, count, text], i) => [name!, count!, changes[i]!, text!]) : rows,
  };
}

function byArea(s: MonthlySummary): SummarySection {
  const rows = s.areas.rows.map((r) => [String(r.area), r.title, r.leads.join('、'), ...countCells(r)]);
  rows.push(['', '合计', '', ...countCells(s.areas.total)]);
  const changes = s.change ? areaChangeCells(s.change) : undefined;
  return {
    name: '各主要指标',
    title: '各主要指标完成情况',
    header: ['序号', '主要指标', '牵头单位', ...COUNT_HEADER, ...(changes ? ['较上月'] : [])],
    rows: changes ? rows.map((row, i) => [...row, changes[i]!]) : rows,
    lightColumn: 10,
    totalRow: true,
    note: LIGHT_NOTE,
  };
}

export const LIGHT_NOTE =
  '状态灯：红 = 有逾期措施；黄 = 有临期措施或长期/适时事项本月未报进展；绿 = 其余。' +
  '有 Git 历史时灯会“记住”月末：上月末逾期、本月才完成的措施亮黄灯（补齐）；连续几个月末都是红灯的注明“连续 N 个月红灯”。';

function measureHead(i: MeasureItem): string[] {
  return [i.id, i.title, i.deadline];
}

function overdue(s: MonthlySummary): SummarySection {
  const rows = s.overdue.map((i) => [
    ...measureHead(i),
    `${i.state.daysOverdue}${i.state.escalated ? '（严重逾期）' : ''}`,
    i.units.join('、'),
    pendingUnitsText(i.parts),
    i.leads.join('、'),
    i.status,
  ]);
  return {
    name: '逾期措施',
    title: `逾期措施（${s.overdue.length} 项）`,
    header: ['编号', '具体措施', '完成时限', '逾期天数', '责任部门', '待完成单位', '牵头单位', '状态'],
    rows,
    note: s.overdue.length
      ? '按逾期天数从多到少排列。待完成单位：自己的部分尚未完成的责任部门及其报送状态（从未报送、未启动、推进中），超过三个时写“等 N 个单位”。'
      : '没有逾期措施。',
  };
}

function completed(s: MonthlySummary): SummarySection {
  const rows = s.completed.map((i) => [...measureHead(i), i.completedOn, i.units.join('、'), i.leads.join('、')]);
  return {
    name: '本月完成',
    title: `本月完成的措施（${s.completed.length} 项）`,
    header: ['编号', '具体措施', '完成时限', '完成日期', '责任部门', '牵头单位'],
    rows,
    note:
      (s.completed.length
        ? `${s.change ? '上月通报时未完成、现已完成的措施；' : ''}完成日期取自各单位报送的完成日期（或报送月份）。`
        : `${monthLabel(s.month)}没有报送完成的措施。`) + reopenedNote(s),
  };
}

/** The measures 已完成 in last month's 通报 and not now, so the list adds up to the change in 已完成. */
function reopenedNote(s: MonthlySummary): string {
  if (s.reopened.length === 0) return '';
  const listed = s.reopened.map((i) => `${i.id} ${i.title}（现为${i.status}）`).join('；');
  return `由已完成退回 ${s.reopened.length} 项：${listed}。`;
}

function dueNext(s: MonthlySummary): SummarySection {
  const rows = s.dueNextMonth.map((i) => [
    ...measureHead(i),
    i.state.effectiveDue ?? '',
    i.units.join('、'),
    i.leads.join('、'),
    i.status,
  ]);
  return {
    name: '下月到期',
    title: `下月到期的措施（${s.dueNextMonth.length} 项）`,
    header: ['编号', '具体措施', '完成时限', '到期日', '责任部门', '牵头单位', '状态'],
    rows,
    note: s.dueNextMonth.length ? undefined : `没有在${monthLabel(s.nextMonth)}到期的未完成措施。`,
  };
}

/** How lateness is judged, under every table that shows an arrival. */
export const ARRIVAL_NOTE =
  '到达时间：邮寄或送来的报送表为牵头单位登记的收件日期（“收件”），其余为报送文件第一次进入主分支的时间；迟于报送日即迟报。';

function reporting(s: MonthlySummary): SummarySection {
  const base = { name: '报送情况', title: '各单位报送情况', header: ['单位', '报送情况', '报送文件', '到达时间'] };
  const r = s.reports;
  if (!r) return { ...base, rows: [], note: '尚无报送文件（reports/ 目录为空），本节从略。' };
  const rows = r.rows
    .filter((row) => row.state !== 'on-time')
    .map((row) => [row.unit, REPORT_STATE_LABELS[row.state], row.file ? fileLabel(row.file) : '', arrivalLabel(row)]);
  const note =
    `报送截止 ${r.due}：应报 ${r.owing} 个单位，已报 ${r.received} 个，未报 ${r.missing} 个，迟报 ${r.late} 个。` +
    (rows.length ? `下表列出未按时报送的单位。${ARRIVAL_NOTE}` : '全部按时报送。');
  return { ...base, rows, note };
}

function byLead(s: MonthlySummary): SummarySection {
  const rows = s.leads.rows.map((r) => [
    r.lead,
    r.areas.map((a) => chineseNumeral(a)).join('、'),
    String(r.tasks),
    ...countCells(r),
  ]);
  return {
    name: '牵头单位',
    title: '牵头单位汇总',
    header: ['牵头单位', '主要指标', '目标任务', ...COUNT_HEADER],
    rows,
    lightColumn: 10,
  };
}

function ranking(s: MonthlySummary): SummarySection {
  const report = (state?: ReportState) => (s.reports ? (state ? REPORT_STATE_LABELS[state] : '无需报送') : '—');
  const year = (r: UnitRecord) => (r.yearOwed ? `${r.yearPoints}/${r.yearOwed}` : '—');
  const onTime = (r: UnitRecord) => `${r.doneOnTime}/${r.dueParts}`;
  const withNotices = [...s.ranking, ...s.neverReported].some((r) => r.notices);
  const withStreaks = [...s.ranking, ...s.neverReported].some((r) => r.redMonths);
  const streak = (r: UnitRecord) => (withStreaks ? [r.redMonths ? redMonthsText(r.redMonths) : ''] : []);
  const notices = (r: UnitRecord) => (withNotices ? [noticeCountsText(r.notices) || '—'] : []);
  const rows = s.ranking.map((r) => [
    String(r.rank),
    r.unit,
    String(r.score),
    String(r.measures),
    String(r.done),
    onTime(r),
    String(r.overdue),
    report(r.report),
    year(r),
    ...notices(r),
    ...streak(r),
  ]);
  for (const r of s.neverReported) {
    rows.push([
      '—',
      r.unit,
      '—',
      String(r.measures),
      '0',
      onTime(r),
      String(r.overdue),
      '从未报送',
      year(r),
      ...notices(r),
      ...streak(r),
    ]);
  }
  const apart = s.neverReported.length
    ? `从未报送的 ${s.neverReported.length} 个单位（${s.neverReported.map((r) => r.unit).join('、')}）不参加排名，列在表末。`
    : '';
  return {
    name: '单位通报',
    title: '责任单位通报',
    header: [
      '名次',
      '单位',
      '得分',
      '本单位措施',
      '已完成',
      '按时完成',
      '逾期',
      '本月报送',
      '本年按时报送',
      ...(withNotices ? ['本月督办单'] : []),
      ...(withStreaks ? ['预警'] : []),
    ],
    rows,
    note: `按得分从高到低排列，得分相同者名次相同；只计各单位自己负责的部分。${s.rankingFormula}。${apart}${withNotices ? '本月督办单：本月收到的蓝/黄/红色督办单数。' : ''}`,
  };
}

/** Emoji for a traffic light, for Markdown. */
export const LIGHT_EMOJI: Record<Light, string> = { 红: '🔴', 黄: '🟡', 绿: '🟢' };
