/**
 * The monthly summary (月度汇总) sent to 市发改委 and 市审批局. Every figure
 * comes from rollup.ts, the computation `ledger status` shows, so the two
 * never disagree. Pure: the month, `asOf` and the report counts are given.
 *
 * Rules:
 * - 下月到期: not done, and the date that counts now (current milestone or
 *   approved extension) falls in the month after `month`.
 * - 本月完成: the measures 已完成 now that were not 已完成 in last month's summary
 *   (the ledger committed by last month's lead report day, month-change.ts), so a
 *   part completed after last month's 通报 and reported this month is listed once,
 *   whatever its completed_on; 退回: 已完成 then, not now. 新完成 − 退回 is the rise
 *   in 已完成. Without last month's version (the first month) the date rule stands:
 *   the latest completed_on of its units' reports falls in `month`, else the latest
 *   month a unit reported it 已完成. The date shown is always that completion date.
 * - Lights remember the month ends before `asOf` when `memory` is given (remembered-lights.ts):
 *   黄（补齐） and 连续 N 个月红灯, the same as `ledger status` on that day.
 * - 通报 ranking: each unit on its own record (unit-ranking.ts): its own parts
 *   finished on time, its own overdue parts, its reports this month and this
 *   year, weighted by config.yaml `ranking`; units that never reported apart.
 */
import { measureRefs, type Ledger } from '../model/ledger.js';
import type { MonthChange } from './month-change.js';
import type { MonthReportCounts } from '../reports/report-counts.js';
import { nextMonth } from '../model/calendar.js';
import {
  countItems,
  evaluateLedger,
  rollupByArea,
  rollupByLead,
  partsByUnit,
  rollupByUnit,
  sortByUrgency,
  type AreaRow,
  type Counts,
  type LeadRow,
  type MeasureItem,
  type Rollup,
} from '../rules/rollup.js';
import { areaKey, overdueBefore, unitKey, withRedMonths, type LightMemory } from '../rules/remembered-lights.js';
import { rankUnits, rankingFormula, unitRecord, type UnitRanking, type UnitRecord } from './unit-ranking.js';
import type { Measure } from '../model/schema.js';
import { noticeCountsByUnit, type NoticeCounts } from '../rules/supervision-record.js';

export interface CompletedItem extends MeasureItem {
  /** YYYY-MM-DD when a unit gave it, else YYYY-MM. */
  completedOn: string;
}

export type { UnitRanking } from './unit-ranking.js';

export interface MonthlySummary {
  title: string;
  month: string;
  nextMonth: string;
  asOf: string;
  /** Which version of the ledger, e.g. “台账版本：2020-07-24 提交 1a2b3c4（…）”. */
  version?: string;
  headline: Counts & { dueNextMonth: number };
  areas: Rollup<AreaRow>;
  leads: Rollup<LeadRow>;
  overdue: MeasureItem[];
  dueNextMonth: MeasureItem[];
  completed: CompletedItem[];
  /** 已完成 in last month's summary and not now (empty without last month's version). */
  reopened: MeasureItem[];
  /** 较上月 (month-change.ts): null when last month has no committed version; absent when not asked. */
  change?: MonthChange | null;
  /** Absent when the ledger has no reports at all. */
  reports?: MonthReportCounts;
  ranking: UnitRanking[];
  /** Units with parts that never reported (listed apart from the ranking). */
  neverReported: UnitRecord[];
  /** The ranking's formula in words, shown under the table. */
  rankingFormula: string;
}

export function buildMonthlySummary(
  ledger: Ledger,
  month: string,
  asOf: string,
  reports?: MonthReportCounts,
  /** Report counts of the months of the year up to `month`, for the 通报's yearly record. */
  yearReports: readonly MonthReportCounts[] = reports ? [reports] : [],
  /** The month ends the lights remember (remembered-lights.ts); none: lights of the day alone. */
  memory: LightMemory = [],
  /** 较上月: 本月完成 is what it saw completed; absent or null: the completion dates decide. */
  change?: MonthChange | null,
): MonthlySummary {
  // Evaluated once: every section below counts the same items.
  const options = { overdueBefore: overdueBefore(memory, asOf) };
  const items = evaluateLedger(ledger, asOf, options);
  const following = nextMonth(month);
  const dueNext = dueNextMonthItems(items, following);
  return {
    title: ledger.config.title,
    month,
    nextMonth: following,
    asOf,
    headline: { ...countItems(items), dueNextMonth: dueNext.length },
    areas: rememberedAreas(rollupByArea(ledger, asOf, options, items), memory, asOf),
    leads: rollupByLead(ledger, asOf, options, items),
    overdue: sortByUrgency(items.filter((i) => i.state.overdue)),
    dueNextMonth: dueNext,
    completed: change ? completedSince(ledger, items, change) : completedIn(ledger, items, month),
    reopened: change ? reopenedSince(items, change) : [],
    reports,
    ...rankUnits(
      withNotices(
        unitRecords(ledger, asOf, items, reports, yearReports, memory),
        noticeCountsByUnit(ledger, `${month}-01`, asOf),
      ),
      ledger.config.ranking,
    ),
    rankingFormula: rankingFormula(ledger.config.ranking),
  };
}

/** Not done, and the date that counts now falls in `nextMonth`. */
export function dueNextMonthItems(items: readonly MeasureItem[], nextMonth: string): MeasureItem[] {
  return items.filter((i) => i.status !== '已完成' && i.state.effectiveDue?.startsWith(nextMonth));
}

function completedIn(ledger: Pick<Ledger, 'areas'>, items: readonly MeasureItem[], month: string): CompletedItem[] {
  const refs = measureRefs(ledger);
  return items.flatMap((item, i) => {
    const completedOn = completionDate(refs[i]!.measure);
    return completedOn?.startsWith(month) ? [{ ...item, completedOn }] : [];
  });
}

/** Done now and not in last month's summary, in ledger order. */
function completedSince(ledger: Pick<Ledger, 'areas'>, items: readonly MeasureItem[], change: MonthChange) {
  const changed = new Set(change.measures.filter((c) => c.to === '已完成').map((c) => c.id));
  const refs = measureRefs(ledger);
  return items.flatMap((item, i): CompletedItem[] => {
    if (!changed.has(item.id)) return [];
    const measure = refs[i]!.measure;
    return [{ ...item, completedOn: completionDate(measure) ?? '' }];
  });
}

/** 已完成 in last month's summary, not now. */
function reopenedSince(items: readonly MeasureItem[], change: MonthChange): MeasureItem[] {
  const reopened = new Set(change.measures.filter((c) => c.from === '已完成').map((c) => c.id));
  return items.filter((i) => reopened.has(i.id));
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

function unitRecords(
  ledger: Ledger,
  asOf: string,
  items: readonly MeasureItem[],
  reports: MonthReportCounts | undefined,
  yearReports: readonly MonthReportCounts[],
  memory: LightMemory,
): UnitRecord[] {
  const options = { overdueBefore: overdueBefore(memory, asOf) };
  const parts = partsByUnit(ledger, asOf, options, items);
  const rows = withRedMonths(rollupByUnit(ledger, asOf, options, items).rows, memory, asOf, (r) => unitKey(r.unit));
  const verification = ledger.config.require_verification ? { asOf } : undefined;
  return rows.map((row) => unitRecord(row, parts.get(row.unit) ?? [], reports, yearReports, verification));
}

function rememberedAreas(areas: Rollup<AreaRow>, memory: LightMemory, asOf: string): Rollup<AreaRow> {
  return { ...areas, rows: withRedMonths(areas.rows, memory, asOf, (r) => areaKey(r.area)) };
}

function withNotices(records: UnitRecord[], notices: ReadonlyMap<string, NoticeCounts>): UnitRecord[] {
  return records.map((row) => (notices.has(row.unit) ? { ...row, notices: notices.get(row.unit)! } : row));
}
