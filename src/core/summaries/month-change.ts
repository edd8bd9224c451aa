/**
 * 较上月: the monthly summary against the previous month's. Pure: both ledgers and both days are
 * given (commands/summary/previous-month.ts reads last month's ledger from Git).
 *
 * Rules:
 * - Last month's summary is the ledger as committed at the end of last month's summary day
 *   (config.lead_report_day), evaluated on that day, narrowed like this month's (--lead, --area).
 * - Every headline figure and every area's counts change by this month's figure minus last month's;
 *   完成率 in percentage points. An area that did not exist last month counts from zero.
 * - 本月状态变化: the measures whose stored status (未启动/推进中/已完成) differs from last month's,
 *   in ledger order; a measure that was not in last month's ledger changes from nothing.
 * - No committed version last month (first month, before the first commit): no change at all,
 *   and the summary says 较上月：无上月数据 rather than counting from zero.
 */
import { measureRefs, type Ledger } from '../model/ledger.js';
import { dueNextMonthItems } from './monthly-summary.js';
import { nextMonth } from '../model/calendar.js';
import { countItems, evaluateLedger, rollupByArea, type Counts } from '../rules/rollup.js';
import type { Status } from '../rules/status.js';

export const NO_PREVIOUS_MONTH = '较上月：无上月数据';

/** The figures that change month to month (a Counts without its light). */
export const DELTA_KEYS = [
  'measures',
  'done',
  'inProgress',
  'notStarted',
  'overdue',
  'escalated',
  'dueSoon',
  'ongoing',
  'completionPercent',
] as const;
export type CountsDelta = Record<(typeof DELTA_KEYS)[number], number>;

export interface AreaChange extends CountsDelta {
  area: number;
  title: string;
}

export interface StatusChange {
  id: string;
  title: string;
  area: number;
  /** Absent when the measure was not in last month's ledger. */
  from?: Status;
  to: Status;
  units: readonly string[];
}

export interface MonthChange {
  /** Last month (YYYY-MM), the day it was counted on and the version it was read from. */
  month: string;
  asOf: string;
  version: string;
  headline: CountsDelta & { dueNextMonth: number };
  areas: AreaChange[];
  measures: StatusChange[];
}

/** What last month's summary is made of. */
export interface PreviousMonth {
  ledger: Ledger;
  month: string;
  asOf: string;
  version: string;
}

/** This month's summary figures (`current`, counted on `asOf`) against last month's. */
export function monthChange(
  current: { ledger: Ledger; month: string; asOf: string },
  previous: PreviousMonth,
): MonthChange {
  const now = figures(current.ledger, current.month, current.asOf);
  const then = figures(previous.ledger, previous.month, previous.asOf);
  const before = new Map(then.areas.map((row) => [row.area, row]));
  return {
    month: previous.month,
    asOf: previous.asOf,
    version: previous.version,
    headline: { ...delta(now.headline, then.headline), dueNextMonth: now.dueNextMonth - then.dueNextMonth },
    areas: now.areas.map((row) => {
      return { area: row.area, title: row.title, ...delta(row, before.get(row.area)) };
    }),
    measures: statusChanges(current.ledger, previous.ledger),
  };
}

function figures(ledger: Ledger, month: string, asOf: string) {
  const items = evaluateLedger(ledger, asOf);
  return {
    headline: countItems(items),
    dueNextMonth: dueNextMonthItems(items, nextMonth(month)).length,
    areas: rollupByArea(ledger, asOf, {}, items).rows,
  };
}

function delta(now: Counts, then: Counts | undefined): CountsDelta {
  return Object.fromEntries(DELTA_KEYS.map((key) => [key, now[key] - (then?.[key] ?? 0)])) as CountsDelta;
}

function statusChanges(now: Ledger, then: Ledger): StatusChange[] {
  const before = new Map(measureRefs(then).map(({ measure }) => [measure.id, measure.status]));
  return measureRefs(now).flatMap(({ area, measure }) => {
    const from = before.get(measure.id);
    if (from === measure.status) return [];
    const base = { id: measure.id, title: measure.title, area: area.area, to: measure.status, units: measure.units };
    return [from === undefined ? base : { ...base, from }];
  });
}

/** +3, −2 (a minus sign, as in print), 0. */
export function signed(value: number): string {
  if (value === 0) return '0';
  return value > 0 ? `+${value}` : `−${Math.abs(value)}`;
}

const AREA_WORDS: [keyof CountsDelta, string][] = [
  ['done', '已完成'],
  ['inProgress', '推进中'],
  ['notStarted', '未启动'],
  ['overdue', '逾期'],
  ['dueSoon', '临期'],
];

/** An area's 较上月 in a cell: `+1 已完成、−1 逾期`, or 持平 when none of those moved. */
export function areaChangeText(change: CountsDelta): string {
  const moved = AREA_WORDS.filter(([key]) => change[key] !== 0).map(([key, word]) => `${signed(change[key])} ${word}`);
  return moved.length > 0 ? moved.join('、') : '持平';
}
