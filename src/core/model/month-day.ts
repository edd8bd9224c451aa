/**
 * Which day stands for a month, the one rule every month walk follows (trend, the 通报's trend and
 * 较上月, the site's trend, the remembered lights):
 * - `month-end`: the month's last day — or the as-of day within the as-of month. `ledger trend`, the
 *   site's trend and the lights read a month as it stood when it closed.
 * - `lead-report-day`: config.lead_report_day of the month (default the 25th), the day the lead units
 *   report and the 通报 goes out. The 通报's trend and its 较上月 compare 通报 with 通报, so they read
 *   each month as it stood on the day its 通报 was made.
 */
import { monthLastDay } from './calendar.js';
import { dayOfMonth } from '../reports/report-path.js';

export type MonthDayRule = { kind: 'month-end'; asOf?: string } | { kind: 'lead-report-day'; day: number };

/** The day `month` is evaluated on under `rule`. */
export function monthDay(month: string, rule: MonthDayRule): string {
  if (rule.kind === 'lead-report-day') return dayOfMonth(month, rule.day);
  return rule.asOf !== undefined && month === rule.asOf.slice(0, 7) ? rule.asOf : monthLastDay(month);
}
