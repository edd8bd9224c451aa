/**
 * The ledger month by month (ledger trend). Pure: each month's ledger, day and report counts are given.
 *
 * Rules:
 * - A month's figures are the ledger as committed at its end (see ledger-version.ts), evaluated on
 *   its last day; the as-of month is evaluated on the as-of day. They equal `ledger status --as-of`
 *   of that day, row for row.
 * - 新完成: measures 已完成 at this month's end that were not at the previous month's end.
 * - 报送率: of the units that owe that month's report (see report-counts.ts), the share whose report
 *   reached the repository by the report day; per row, over the units the row's measures name,
 *   except that a unit's row (--by unit) rates that unit's own report alone (0% or 100%; null when it
 *   did not owe one). null while the ledger has no reports yet, or before the month's report day.
 * - --by unit counts each unit's own parts (as `ledger status --by unit`), not whole measures.
 */
import type { Ledger } from '../model/ledger.js';
import type { LedgerVersion } from '../model/ledger-version.js';
import type { MonthReportCounts } from '../reports/report-counts.js';
import {
  countItems,
  evaluateLedger,
  leadUnits,
  obligatedUnits,
  partsByUnit,
  type Light,
  type MeasureItem,
} from '../rules/rollup.js';
import type { PartItem } from '../rules/part-items.js';
import { isResponsible, reportingUnits } from '../model/units.js';

/** What counts as done: a measure by its id, a unit's part by id and unit (per-unit rows count parts). */
const partKey = (id: string, unit: string) => `${id}\0${unit}`;

export const TREND_GROUPINGS = ['total', 'area', 'lead', 'unit'] as const;
export type TrendGrouping = (typeof TREND_GROUPINGS)[number];

export interface TrendFilter {
  area?: number;
  unit?: string;
  lead?: string;
}

export interface TrendRow {
  /** 全部, the area's number, the lead's or the unit's name. */
  key: string;
  label: string;
  measures: number;
  done: number;
  inProgress: number;
  notStarted: number;
  /** Includes the escalated ones. */
  overdue: number;
  escalated: number;
  newlyDone: number;
  /** Units owing the month's report, and those whose report came by the report day. */
  reportsDue: number;
  reportsOnTime: number;
  /** Percent, rounded; null without reports. */
  reportRate: number | null;
  light: Light;
}

export interface TrendMonth {
  month: string;
  /** The day evaluated: the month's last day, or the as-of day in the as-of month. */
  day: string;
  version: LedgerVersion;
  /** Errors in that version's ledger: the measures they concern are not counted (as in status). */
  problems: number;
  rows: TrendRow[];
}

export interface TrendResult {
  title: string;
  by: TrendGrouping;
  filter: TrendFilter;
  from: string;
  to: string;
  asOf: string;
  months: TrendMonth[];
}

/**
 * One month end: the measures in scope of the filter evaluated on `day`, and each unit's own parts,
 * worked out only for rows per unit (the parts are the costly half of a month at 10,000 measures).
 */
export interface MonthEnd {
  day: string;
  items: MeasureItem[];
  parts?: Map<string, PartItem[]>;
}

export function monthEnd(ledger: Ledger, day: string, filter: TrendFilter, by: TrendGrouping): MonthEnd {
  const items = evaluateLedger(ledger, day).filter(
    (i) =>
      (filter.area === undefined || i.area === filter.area) &&
      (filter.unit === undefined || isResponsible(ledger.units, i.units, filter.unit)) &&
      (filter.lead === undefined || i.leads.includes(filter.lead)),
  );
  return { day, items, ...(by === 'unit' ? { parts: partsByUnit(ledger, day, {}, items) } : {}) };
}

/** What was done at a month end: measure ids, and unit parts (see partKey) when it has them. */
export function doneKeys({ items, parts }: MonthEnd): Set<string> {
  const keys = new Set(items.filter((i) => i.status === '已完成').map((i) => i.id));
  for (const [unit, own] of parts ?? [])
    for (const part of own) if (part.status === '已完成') keys.add(partKey(part.id, unit));
  return keys;
}

/** One month's rows. `doneBefore`: doneKeys at the previous month's end, with the same grouping. */
export function trendRows(
  ledger: Ledger,
  end: MonthEnd,
  by: TrendGrouping,
  doneBefore: ReadonlySet<string>,
  reports?: MonthReportCounts,
): TrendRow[] {
  return groups(ledger, end, by).map(({ key, label, items: grouped, unit }) => {
    const counts = countItems(grouped);
    const units = unit ? new Set([unit]) : new Set(grouped.flatMap((i) => reportingUnits(ledger.units, i.units)));
    const owing = reports?.rows.filter((r) => units.has(r.unit)) ?? [];
    const onTime = owing.filter((r) => r.state === 'on-time').length;
    return {
      key,
      label,
      measures: counts.measures,
      done: counts.done,
      inProgress: counts.inProgress,
      notStarted: counts.notStarted,
      overdue: counts.overdue,
      escalated: counts.escalated,
      newlyDone: grouped.filter((i) => i.status === '已完成' && !doneBefore.has(unit ? partKey(i.id, unit) : i.id))
        .length,
      reportsDue: owing.length,
      reportsOnTime: onTime,
      reportRate: reports && owing.length > 0 ? Math.round((onTime * 100) / owing.length) : null,
      light: counts.light,
    };
  });
}

interface Group {
  key: string;
  label: string;
  items: readonly MeasureItem[];
  /** Set for a unit's row: its items are that unit's parts. */
  unit?: string;
}

function groups(ledger: Ledger, { day, items, parts: known }: MonthEnd, by: TrendGrouping): Group[] {
  switch (by) {
    case 'area':
      return ledger.areas
        .map(({ data }) => ({
          key: String(data.area),
          label: `${data.area}. ${data.title}`,
          items: items.filter((i) => i.area === data.area),
        }))
        .filter((g) => g.items.length > 0);
    case 'lead':
      return leadUnits(ledger)
        .map((lead) => ({ key: lead, label: lead, items: items.filter((i) => i.leads.includes(lead)) }))
        .filter((g) => g.items.length > 0);
    case 'unit': {
      const parts = known ?? partsByUnit(ledger, day, {}, items);
      return obligatedUnits(ledger)
        .map((unit) => ({ key: unit, label: unit, unit, items: parts.get(unit) ?? [] }))
        .filter((g) => g.items.length > 0);
    }
    default:
      return [{ key: '全部', label: '全部措施', items }];
  }
}
