/**
 * A calendar quarter (季度) of the quarterly report: 2020Q3 is July to September 2020. Pure.
 *
 * Rules (docs/quarterly.md):
 * - 季初 (start): the ledger as committed at the end of the day before the quarter, counted on the
 *   quarter's first day: what the quarter inherited (a measure due on the last day of the previous
 *   quarter and not done is overdue at the start).
 * - 季末 (end): the quarter's last day, or an earlier closing day within the quarter (--as-of).
 */
import { lastDayOf } from '../model/calendar.js';
import { monthOf } from '../reports/report-path.js';

export interface QuarterPeriod {
  /** 2020Q3 */
  quarter: string;
  year: number;
  /** 1–4 */
  number: number;
  /** Its three months, YYYY-MM. */
  months: string[];
  firstDay: string;
  lastDay: string;
}

/** 2020Q3 or 2020-Q3 (q in either case) → the period; undefined for anything else. */
export function parseQuarter(text: string): QuarterPeriod | undefined {
  const match = /^(\d{4})-?[Qq]([1-4])$/.exec(text.trim());
  if (!match) return undefined;
  return quarterPeriod(Number(match[1]), Number(match[2]));
}

export function quarterPeriod(year: number, number: number): QuarterPeriod {
  const first = (number - 1) * 3 + 1;
  const months = [first, first + 1, first + 2].map((m) => `${year}-${String(m).padStart(2, '0')}`);
  return {
    quarter: `${year}Q${number}`,
    year,
    number,
    months,
    firstDay: `${months[0]}-01`,
    lastDay: lastDayOf(year, first + 2),
  };
}

/** The quarter a day falls in. */
export function quarterOf(day: string): QuarterPeriod {
  return quarterPeriod(Number(day.slice(0, 4)), Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1);
}

/** 2020年第三季度 */
export function quarterLabel(period: Pick<QuarterPeriod, 'year' | 'number'>): string {
  return `${period.year}年第${'一二三四'[period.number - 1]}季度`;
}

/** The months of the quarter counted by the closing day `end` (the quarter's months up to end's). */
export function monthsThrough(period: QuarterPeriod, end: string): string[] {
  return period.months.filter((m) => m <= monthOf(end));
}
