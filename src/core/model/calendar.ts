import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { formatISO } from 'date-fns/formatISO';
import { isValid } from 'date-fns/isValid';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { parseISO } from 'date-fns/parseISO';
import { subDays } from 'date-fns/subDays';

/**
 * Calendar arithmetic on the ledger's string dates (YYYY-MM-DD days, YYYY-MM months) through date-fns:
 * strings at the edges, Date values only inside. Days are calendar days, never clock time. No clock
 * is read here.
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

/** The last day of a month (YYYY-MM). */
export function monthLastDay(month: string): string {
  return day(lastDayOfMonth(parseISO(`${month}-01`)));
}

/** The month after YYYY-MM. */
export function nextMonth(month: string): string {
  return shiftMonth(month, 1);
}

/** YYYY-MM moved by `delta` months (negative: earlier). */
export function shiftMonth(month: string, delta: number): string {
  return remembered(`${month}${delta}`, () => day(addMonths(parseISO(`${month}-01`), delta)).slice(0, 7));
}

/** The months from `from` to `to` inclusive (YYYY-MM), in order. */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m);
  return months;
}

/** The last day of the month before `iso`'s month. */
export function previousMonthEnd(iso: string): string {
  return remembered(`<${iso}`, () => monthLastDay(shiftMonth(iso.slice(0, 7), -1)));
}

/**
 * Month arithmetic asked per measure (the report month due, the lights' month ends) sees a handful of
 * distinct months in a run, but a province-sized status asks ~100,000 times (~1 µs each through
 * date-fns): answers are kept per process, as parseDeadline keeps deadlines.
 */
const answers = new Map<string, string>();

function remembered(key: string, compute: () => string): string {
  let answer = answers.get(key);
  if (answer === undefined) {
    if (answers.size >= 10_000) answers.clear();
    answer = compute();
    answers.set(key, answer);
  }
  return answer;
}

/**
 * Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. Both are
 * read as UTC midnights, where every day has 86,400 seconds, so the quotient is exact — and cheap:
 * status asks it for every part of every measure at every remembered month end.
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The day `days` after YYYY-MM-DD (before, when negative). */
export function daysAfter(iso: string, days: number): string {
  return day(addDays(parseISO(iso), days));
}

/** The day before YYYY-MM-DD. */
export function dayBefore(iso: string): string {
  return day(subDays(parseISO(iso), 1));
}

/**
 * Where commit times meet the ledger's time zone. The zone is a fixed UTC offset (config `timezone`,
 * e.g. +08:00): no daylight saving, so this is exact arithmetic on the offset. @date-fns/tz is not used
 * here on purpose: Node 20's Intl knows no fixed-offset zones, so each TZDate first tries and fails to
 * build an Intl.DateTimeFormat (about 150 ms for the first, 0.1 ms for every later one) — a cost that
 * `ledger status` would pay on every start.
 */
export function endOfDayAt(iso: string, offset: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 1000 - offsetSeconds(offset) + 86_400;
}

/** The calendar day of an epoch time at a UTC offset. */
export function dayAtOffset(epochSeconds: number, offset: string): string {
  return new Date((epochSeconds + offsetSeconds(offset)) * 1000).toISOString().slice(0, 10);
}

function offsetSeconds(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours = '0', minutes = '0'] = offset.slice(1).split(':');
  return sign * (Number(hours) * 3600 + Number(minutes) * 60);
}
