/**
 * Dates as people type them in report forms: 2020-9-10, 2020.9.10, 2020/9/10,
 * 2020年9月10日 (and full-width digits) are all 2020-09-10. A date that does not
 * exist (2020-02-30) stays as typed, padded, so the schema reports it. Pure.
 */
import { isRealDay } from './calendar.js';

const DATE_FORMS = /^(\d{4})\s*(?:[-./]|年)\s*(\d{1,2})\s*(?:[-./]|月)\s*(\d{1,2})\s*日?$/;

/** YYYY-MM-DD for a typed date, or the input unchanged when it is not one of the accepted forms. */
export function normaliseDateInput(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const match = DATE_FORMS.exec(text);
  if (!match) return value;
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}

/** Whether YYYY-MM-DD names a day of the calendar. */
export function isRealDate(iso: string): boolean {
  return isRealDay(iso);
}
