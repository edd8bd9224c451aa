/**
 * The monthly summary (月度汇总) sent to 市发改委 and 市审批局. Every figure
 * comes from rollup.ts, the computation `ledger status` shows, so the two
 * never disagree. Pure: the month, `asOf` and the report counts are given.
 *
 * Rules:
 * - 下月到期: not done, and the date that counts now (current milestone or
 *   approved extension) falls in the month after `month`.
 * - 本月完成: status 已完成 and its completion falls in `month`: the latest
 *   completed_on of its units' reports, else the latest month in which a unit
 *   reported it 已完成. A measure set to 已完成 without reports has no date.
 * - 通报 ranking: units that reported on time first, then reported (time
 *   unknown), late, missing; within each, fewer overdue measures first, then
 *   higher completion. Units equal on all three share a rank.
 */
import { measureRefs, type Ledger } from './ledger.js';
import type { MonthReportCounts, ReportState } from './report-counts.js';
import { addMonth } from './report-path.js';
import {
  countItems,
  evaluateLedger,
  rollupByArea,
  rollupByLead,
  rollupByUnit,
  sortByUrgency,
  type AreaRow,
  type Counts,
  type LeadRow,
  type MeasureItem,
  type Rollup,
  type UnitRow,
} from './rollup.js';
import type { Measure } from './schema.js';

export interface CompletedItem extends MeasureItem {
  /** YYYY-MM-DD when a unit gave it, else YYYY-MM. */
  completedOn: string;
}

export interface UnitRanking extends UnitRow {
  rank: number;
  /** This month's report; absent without reports, or when the unit owes none. */
  report?: ReportState;
}

export interface MonthlySummary {
  title: string;
  month: string;
  nextMonth: string;
  asOf: string;
  headline: Counts & { dueNextMonth: number };
  areas: Rollup<AreaRow>;
  leads: Rollup<LeadRow>;
  overdue: MeasureItem[];
  dueNextMonth: MeasureItem[];
  completed: CompletedItem[];
  /** Absent when the ledger has no reports at all. */
  reports?: MonthReportCounts;
  ranking: UnitRanking[];
}

export function buildMonthlySummary(
  ledger: Ledger,
  month: string,
  asOf: string,
  reports?: MonthReportCounts,
): MonthlySummary {
  // Evaluated once: every section below counts the same items.
  const items = evaluateLedger(ledger, asOf);
  const nextMonth = addMonth(month);
  const dueNext = items.filter((i) => i.status !== '已完成' && i.state.effectiveDue?.startsWith(nextMonth));
  return {
    title: ledger.config.title,
    month,
    nextMonth,
    asOf,
    headline: { ...countItems(items), dueNextMonth: dueNext.length },
    areas: rollupByArea(ledger, asOf, {}, items),
    leads: rollupByLead(ledger, asOf, {}, items),
    overdue: sortByUrgency(items.filter((i) => i.state.overdue)),
    dueNextMonth: dueNext,
    completed: completedIn(ledger, items, month),
    reports,
    ranking: rankUnits(rollupByUnit(ledger, asOf, {}, items).rows, reports),
  };
}

function completedIn(ledger: Pick<Ledger, 'areas'>, items: readonly MeasureItem[], month: string): CompletedItem[] {
  const refs = measureRefs(ledger);
  return items.flatMap((item, i) => {
    const completedOn = completionDate(refs[i]!.measure);
    return completedOn?.startsWith(month) ? [{ ...item, completedOn }] : [];
  });
}

/** When a done measure was completed, as far as its units' reports tell. */
export function completionDate(measure: Measure): string | undefined {
  if (measure.status !== '已完成') return undefined;
  const reports = Object.values(measure.unit_reports ?? {});
  const dates = reports.flatMap((r) => (r.completed_on ? [r.completed_on] : [])).sort();
  if (dates.length > 0) return dates.at(-1);
  return reports
    .flatMap((r) => (r.status === '已完成' ? [r.month] : []))
    .sort()
    .at(-1);
}

const REPORT_RANK: Record<ReportState, number> = { 'on-time': 0, received: 1, uncommitted: 1, late: 2, missing: 3 };

export function rankUnits(rows: readonly UnitRow[], reports?: MonthReportCounts): UnitRanking[] {
  const states = new Map(reports?.rows.map((r) => [r.unit, r.state]));
  // A unit that owes no report this month (all its measures done earlier) ranks with the punctual.
  const withReport = rows.map((row) => ({ ...row, report: states.get(row.unit) }));
  const key = (r: (typeof withReport)[number]) => [
    r.report ? REPORT_RANK[r.report] : 0,
    r.overdue,
    -r.completionPercent,
  ];
  const compare = (a: (typeof withReport)[number], b: (typeof withReport)[number]) => {
    const [x, y] = [key(a), key(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  };
  const sorted = [...withReport].sort(compare);
  return sorted.map((row) => ({ ...row, rank: 1 + sorted.filter((other) => compare(other, row) < 0).length }));
}
