/**
 * Lights that remember (三色预警 as 督查考核 systems keep it): a light that knows the month ends
 * before the day. Pure: the ledgers of past month ends are given (commands/shared/light-memory.ts
 * reads them from Git, each as committed by the end of that month end, like `--as-of`).
 *
 * Rules:
 * - The previous month end of a day D is the last day of the month before D's month
 *   (D = 2020-08-31 or 2020-08-05: 2020-07-31).
 * - 补齐: a measure — or, per unit, a unit's own part — overdue at the previous month end (in the
 *   ledger as committed then, evaluated on that day) and 已完成 on D counts as caughtUp: its area,
 *   unit or lead is 黄（补齐） for D's month instead of 绿 (红 still wins). At the next month end it
 *   was no longer overdue, so from then on it is 绿 again.
 * - 连续 N 个月红灯: a row (area, unit) red on D, and red at each of the month ends counted back
 *   from the last one on or before D (D itself when D is a month end), shows the number N of those
 *   consecutive red month ends once N ≥ 2. The count stops at the first month end where the row was
 *   not red, or that history does not reach (before the first commit, no repository).
 */
import { daysAfter, previousMonthEnd } from '../model/calendar.js';
import { measureRefs, type Ledger } from '../model/ledger.js';
import { evaluatePart, evaluateWhole, measureParts } from './parts.js';
import type { Counts } from './rollup.js';

export interface MonthEnd {
  /** The month end (YYYY-MM-DD). */
  day: string;
  /** Measure ids, and `id\0unit` for units' parts, overdue at the end of the day. */
  overdue: Set<string>;
  /** Red rows: `area:<n>` and `unit:<name>`. */
  red: Set<string>;
}

/** Month ends counted back from the previous month end of the day, newest first, without gaps. */
export type LightMemory = readonly MonthEnd[];

export const areaKey = (area: number) => `area:${area}`;
export const unitKey = (unit: string) => `unit:${unit}`;

/** Whether `day` is the last day of its month. */
export function isMonthEnd(day: string): boolean {
  return previousMonthEnd(daysAfter(day, 1)) === day;
}

/**
 * When each measure and each unit's part of a ledger falls overdue: the effective date of a dated,
 * unfinished one (its current milestone or approved extension) does not depend on the day, so one
 * evaluation per version serves every month end that version stands for.
 */
export interface OverdueSchedule {
  /** `key`: measure id or `id\0unit`; `row`: its area or unit row; overdue on days after `due`. */
  entries: { key: string; row: string; due: string }[];
}

export function overdueSchedule(ledger: Pick<Ledger, 'areas' | 'config' | 'units'>, day: string): OverdueSchedule {
  const entries: OverdueSchedule['entries'] = [];
  for (const { area, measure } of measureRefs(ledger)) {
    const whole = evaluateWhole(measure, ledger.units, day, ledger.config);
    if (whole.effectiveDue && whole.status !== '已完成')
      entries.push({ key: measure.id, row: areaKey(area.area), due: whole.effectiveDue });
    for (const { unit } of measureParts(measure, ledger.units)) {
      const part = evaluatePart(measure, unit, day, ledger.config);
      if (part.effectiveDue && part.status !== '已完成')
        entries.push({ key: `${measure.id}\0${unit}`, row: unitKey(unit), due: part.effectiveDue });
    }
  }
  return { entries };
}

/** What a month end remembers, from the schedule of the version committed by then. */
export function monthEndState(schedule: OverdueSchedule, day: string): MonthEnd {
  const overdue = new Set<string>();
  const red = new Set<string>();
  for (const entry of schedule.entries) {
    if (entry.due >= day) continue;
    overdue.add(entry.key);
    red.add(entry.row);
  }
  return { day, overdue, red };
}

/** EvaluateOptions.overdueBefore for `day`: what was overdue at its previous month end, when history reaches it. */
export function overdueBefore(memory: LightMemory, day: string): ReadonlySet<string> | undefined {
  const last = memory[0];
  return last?.day === previousMonthEnd(day) ? last.overdue : undefined;
}

/** How many consecutive month ends a row red on `day` has been red (D itself counts when it is a month end). */
export function redMonths(memory: LightMemory, day: string, key: string, redNow: boolean): number {
  if (!redNow) return 0;
  let count = isMonthEnd(day) ? 1 : 0;
  let expected = previousMonthEnd(day);
  for (const end of memory) {
    if (end.day !== expected || !end.red.has(key)) break;
    count++;
    expected = previousMonthEnd(end.day);
  }
  return count;
}

/** Rows with `redMonths` where the streak is 2 or more (the others unchanged). */
export function withRedMonths<Row extends Counts>(
  rows: readonly Row[],
  memory: LightMemory,
  day: string,
  key: (row: Row) => string,
): (Row & { redMonths?: number })[] {
  return rows.map((row) => {
    const months = redMonths(memory, day, key(row), row.light === '红');
    return months >= 2 ? { ...row, redMonths: months } : row;
  });
}

/** `连续 3 个月红灯`. */
export function redMonthsText(months: number): string {
  return `连续 ${months} 个月红灯`;
}

/** A row's light as shown: 黄（补齐） when yellow with a caught-up measure, 红（连续 N 个月红灯） with `streak`. */
export function lightLabel(row: Counts & { redMonths?: number }, streak = true): string {
  if (row.light === '黄' && row.caughtUp > 0) return '黄（补齐）';
  if (streak && row.light === '红' && (row.redMonths ?? 0) >= 2) return `红（${redMonthsText(row.redMonths!)}）`;
  return row.light;
}
