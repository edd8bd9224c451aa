/**
 * Everything `ledger site` shows, computed once from the ledger on one day. Pure:
 * the report counts, the trend and the Git history are read by the command and given.
 * The figures come from rollup.ts, so the site agrees with `ledger status` and
 * `ledger summary` on the same day.
 */
import { dueReportMonth } from '../rules/evaluate.js';
import type { MeasureHistoryMap } from '../review/site-history.js';
import { measureRefs, type Ledger, type MeasureRef } from '../model/ledger.js';
import type { MonthReportCounts } from '../reports/report-counts.js';
import { nextMonth } from '../model/calendar.js';
import type { PartItem } from '../rules/part-items.js';
import {
  evaluateLedger,
  partsByUnit,
  rollupByArea,
  rollupByLead,
  rollupByUnit,
  type AreaRow,
  type Counts,
  type LeadRow,
  type MeasureItem,
  type Rollup,
  type UnitRow,
} from '../rules/rollup.js';

/** One month of the trend (the figures on that month's day). */
export interface SiteTrendPoint extends Counts {
  month: string;
  asOf: string;
}

export interface SiteInputs {
  /** Report counts of every month that has reports (and of the month due), oldest first. */
  reports: readonly MonthReportCounts[];
  /** Month by month, oldest first; the last point may be `asOf` itself. */
  trend?: readonly SiteTrendPoint[];
  /** Each measure's history from Git, oldest first; undefined when the ledger is not in Git. */
  history?: MeasureHistoryMap;
  historyWarnings?: readonly string[];
  /** An http(s) base for links to repository files (佐证材料 given as paths). */
  repoUrl?: string;
  /** 台账版本：… which version of the ledger the pages show. */
  version?: string;
}

export interface SiteModel extends SiteInputs {
  title: string;
  asOf: string;
  ledger: Ledger;
  /** Ledger order; `refs[i]` and `items[i]` are the same measure. */
  refs: MeasureRef[];
  items: MeasureItem[];
  /** A measure's position in `refs` and `items`. */
  indexById: ReadonlyMap<string, number>;
  total: Counts;
  byArea: Rollup<AreaRow>;
  byLead: Rollup<LeadRow>;
  byUnit: Rollup<UnitRow>;
  /** Each reporting unit's own parts (core/rules/parts.ts), in ledger order. */
  partsByUnit: ReadonlyMap<string, PartItem[]>;
  /** The report month due on `asOf` (this month after the report day, else the previous one). */
  reportMonth: string;
  /** Its report counts, when the ledger has reports. */
  currentReports?: MonthReportCounts;
  /** The figures of the month before (its last day), when the trend has that month: 较上月. */
  previous?: SiteTrendPoint;
  trend: readonly SiteTrendPoint[];
}

export function buildSiteModel(ledger: Ledger, asOf: string, inputs: SiteInputs): SiteModel {
  const items = evaluateLedger(ledger, asOf);
  const refs = measureRefs(ledger);
  const byArea = rollupByArea(ledger, asOf, {}, items);
  const reportMonth = dueReportMonth(asOf, ledger.config.report_day);
  const now: SiteTrendPoint = { month: asOf.slice(0, 7), asOf, ...byArea.total };
  const earlier = (inputs.trend ?? []).filter((p) => p.asOf < asOf && p.month < now.month);
  return {
    ...inputs,
    title: ledger.config.title,
    asOf,
    ledger,
    refs,
    items,
    indexById: new Map(refs.map((ref, i) => [ref.measure.id, i])),
    total: byArea.total,
    byArea,
    byLead: rollupByLead(ledger, asOf, {}, items),
    byUnit: rollupByUnit(ledger, asOf, {}, items),
    partsByUnit: partsByUnit(ledger, asOf, {}, items),
    reportMonth,
    currentReports: inputs.reports.find((r) => r.month === reportMonth),
    previous: earlier.find((p) => nextMonth(p.month) === now.month),
    trend: [...earlier, now],
  };
}
