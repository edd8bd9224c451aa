import { TZDate } from '@date-fns/tz/date';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { formatISO } from 'date-fns/formatISO';
import { isValid } from 'date-fns/isValid';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { parseISO } from 'date-fns/parseISO';
import { subDays } from 'date-fns/subDays';

/**
 * Calendar arithmetic on the ledger's string dates (YYYY-MM-DD days, YYYY-MM months) through date-fns:
 * strings at the edges, Date values only inside. Days are calendar days, never clock time; where a
 * commit's time meets the ledger's time zone (a UTC offset such as +08:00), @date-fns/tz does the
 * conversion. No clock is read here.
 */
/** A Date's own calendar day (its local fields; a TZDate's in its zone) as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return formatISO(date, { representation: 'date' });
}

const day = isoDay;

/** Whether YYYY-MM-DD names a day of the calendar. */
export function isRealDay(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isValid(parseISO(iso));
}

/** The last day of a month (month 1–12). */
export function lastDayOf(year: number, month: number): string {
  return day(lastDayOfMonth(new Date(year, month - 1, 1)));
}

/** The month after YYYY-MM. */
export function nextMonth(month: string): string {
  return day(addMonths(parseISO(`${month}-01`), 1)).slice(0, 7);
}

/** The day `days` after YYYY-MM-DD (before, when negative). */
export function daysAfter(iso: string, days: number): string {
  return day(addDays(parseISO(iso), days));
}

/** The day before YYYY-MM-DD. */
export function dayBefore(iso: string): string {
  return day(subDays(parseISO(iso), 1));
}

/** Epoch seconds of the end of `iso` (24:00, i.e. the next day 00:00) at a UTC offset. */
export function endOfDayAt(iso: string, offset: string): number {
  const [year, month, date] = iso.split('-').map(Number) as [number, number, number];
  return addDays(new TZDate(year, month - 1, date, offset), 1).getTime() / 1000;
}

/** The calendar day of an epoch time at a UTC offset. */
export function dayAtOffset(epochSeconds: number, offset: string): string {
  return day(new TZDate(epochSeconds * 1000, offset));
}
