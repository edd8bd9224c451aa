/**
 * The quarterly report (季度报告) for 市发改委, 市审批局 and the 领导小组's quarterly meeting. Pure: the
 * ledgers of the quarter's start, end and month ends are given (read from Git by
 * commands/summary/quarter.ts), every figure comes from rollup.ts and trend.ts.
 *
 * Rules (docs/quarterly.md):
 * - 季初: the ledger as committed before the quarter, counted on its first day; 季末: the closing day.
 * - 本季度完成: 已完成 at the end and not at the start; its month is the first month end it was
 *   已完成 at, its date the units' completed_on (completionDate, as the monthly summary).
 * - 新增逾期: overdue at the end, not at the start. 逾期消除: overdue at the start, not at the end,
 *   because it was done (已完成), its deadline extended (已延期), or otherwise (已调整: the deadline
 *   or the measure changed).
 * - The month rows are `ledger trend`'s rows for those months, unchanged.
 * - The end's lights remember the month end before it, as `ledger status` does (remembered-lights.ts).
 */
import type { Ledger } from '../model/ledger.js';
import type { LedgerVersion } from '../model/ledger-version.js';
import { overdueBefore, type LightMemory } from '../rules/remembered-lights.js';
import {
  clearedOverdue,
  completedIn,
  quarterMeasure,
  without,
  type QuarterCleared,
  type QuarterCompleted,
  type QuarterMeasure,
} from './quarter-measures.js';
import { quarterLabel, type QuarterPeriod } from './quarter-period.js';
import { quarterReporting, type ReportingMonth, type UnitQuarterRecord } from './quarter-reporting.js';
import {
  countItems,
  evaluateLedger,
  rollupByLead,
  sortByUrgency,
  type Counts,
  type MeasureItem,
} from '../rules/rollup.js';
import type { TrendRow } from './trend.js';

export interface QuarterSnapshot {
  /** The day counted on. */
  day: string;
  ledger: Ledger;
  version: LedgerVersion;
  /** Why this version, when it is not the day's own (e.g. the ledger was not committed yet). */
  note?: string;
}

export interface QuarterMonthInput extends ReportingMonth {
  day: string;
  version: LedgerVersion;
  /** `ledger trend`'s total row of the month. */
  row: TrendRow;
}

export type { ClearedReason, QuarterCleared, QuarterCompleted, QuarterMeasure } from './quarter-measures.js';

export interface QuarterSide {
  day: string;
  /** 台账版本：… */
  version: LedgerVersion;
  note?: string;
  counts: Counts;
}

export interface QuarterLeadRow {
  lead: string;
  areas: number[];
  tasks: number;
  measures: number;
  done: number;
  completed: number;
  overdueAtStart: number;
  overdue: number;
  escalated: number;
  /** Done since being overdue at the previous month end: makes the light 黄（补齐）. */
  caughtUp: number;
  completionPercent: number;
  light: Counts['light'];
}

export interface QuarterTrendRow {
  month: string;
  day: string;
  version: LedgerVersion;
  row: TrendRow;
}

export interface QuarterlyReport {
  title: string;
  /** The closing day's version (as every JSON output names its version; also end.version). */
  version: LedgerVersion;
  quarter: string;
  /** 2020年第三季度 */
  label: string;
  firstDay: string;
  lastDay: string;
  /** The months counted (the quarter's, up to the closing day). */
  months: string[];
  start: QuarterSide;
  end: QuarterSide;
  completed: QuarterCompleted[];
  overdue: { start: QuarterMeasure[]; end: QuarterMeasure[]; newly: QuarterMeasure[]; cleared: QuarterCleared[] };
  leads: QuarterLeadRow[];
  trend: QuarterTrendRow[];
  /** Absent while no month of the quarter has report counts. */
  reporting?: UnitQuarterRecord[];
}

export function buildQuarterlyReport(
  period: QuarterPeriod,
  start: QuarterSnapshot,
  end: QuarterSnapshot,
  months: readonly QuarterMonthInput[],
  /** The month ends before the end (remembered-lights.ts): the end's lights are 黄（补齐） as in status. */
  memory: LightMemory = [],
): QuarterlyReport {
  const startItems = evaluateLedger(start.ledger, start.day);
  const endItems = evaluateLedger(end.ledger, end.day, { overdueBefore: overdueBefore(memory, end.day) });
  const startOverdue = sortByUrgency(startItems.filter((i) => i.state.overdue));
  const endOverdue = sortByUrgency(endItems.filter((i) => i.state.overdue));
  const lastMonth = months.at(-1)?.month ?? end.day.slice(0, 7);
  const overdueAtStart = new Set(startOverdue.map((i) => i.id));
  const completed = completedIn(start.ledger, end.ledger, endItems, months, lastMonth, overdueAtStart);
  return {
    title: end.ledger.config.title,
    version: end.version,
    quarter: period.quarter,
    label: quarterLabel(period),
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    months: months.map((m) => m.month),
    start: side(start, startItems),
    end: side(end, endItems),
    completed,
    overdue: {
      start: startOverdue.map(quarterMeasure),
      end: endOverdue.map(quarterMeasure),
      newly: without(endOverdue, startOverdue).map(quarterMeasure),
      cleared: clearedOverdue(without(startOverdue, endOverdue), endItems),
    },
    leads: leadRows(end, endItems, completed, startOverdue),
    trend: months.map((m) => ({ month: m.month, day: m.day, version: m.version, row: m.row })),
    reporting: months.some((m) => m.reports) ? quarterReporting(months) : undefined,
  };
}

function side(snapshot: QuarterSnapshot, items: readonly MeasureItem[]): QuarterSide {
  return {
    day: snapshot.day,
    version: snapshot.version,
    ...(snapshot.note ? { note: snapshot.note } : {}),
    counts: countItems(items),
  };
}

function leadRows(
  end: QuarterSnapshot,
  endItems: readonly MeasureItem[],
  completed: readonly QuarterCompleted[],
  startOverdue: readonly MeasureItem[],
): QuarterLeadRow[] {
  const count = (items: readonly { leads: readonly string[] }[], lead: string) =>
    items.filter((i) => i.leads.includes(lead)).length;
  return rollupByLead(end.ledger, end.day, {}, endItems).rows.map((row) => ({
    lead: row.lead,
    areas: row.areas,
    tasks: row.tasks,
    measures: row.measures,
    done: row.done,
    completed: count(completed, row.lead),
    overdueAtStart: count(startOverdue, row.lead),
    overdue: row.overdue,
    escalated: row.escalated,
    caughtUp: row.caughtUp,
    completionPercent: row.completionPercent,
    light: row.light,
  }));
}
