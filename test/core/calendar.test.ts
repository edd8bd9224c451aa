import { describe, expect, it } from 'vitest';
import {
  dayAtOffset,
  dayBefore,
  daysAfter,
  endOfDayAt,
  isRealDay,
  lastDayOf,
  nextMonth,
} from '../../src/core/model/calendar.js';

describe('calendar (date-fns on string dates)', () => {
  it('knows month ends and leap years', () => {
    expect([
      lastDayOf(2020, 2),
      lastDayOf(2021, 2),
      lastDayOf(2100, 2),
      lastDayOf(2020, 12),
      lastDayOf(2020, 6),
    ]).toEqual(['2020-02-29', '2021-02-28', '2100-02-28', '2020-12-31', '2020-06-30']);
    expect(['2020-02-29', '2021-02-29', '2020-13-01', '2020-04-31', '2020-4-01', 'x'].map(isRealDay)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('steps over month and year ends', () => {
    expect([nextMonth('2020-12'), nextMonth('2021-01')]).toEqual(['2021-01', '2021-02']);
    expect([dayBefore('2020-03-01'), dayBefore('2021-01-01')]).toEqual(['2020-02-29', '2020-12-31']);
    expect([daysAfter('2020-12-25', 10), daysAfter('2020-03-01', -1)]).toEqual(['2021-01-04', '2020-02-29']);
  });

  it('meets commit times in the ledger’s time zone', () => {
    // 2020-07-24 23:30 in Shiyanshan (+08:00) is still 2020-07-24 there, 15:30 UTC.
    const late = Date.parse('2020-07-24T23:30:00+08:00') / 1000;
    expect(dayAtOffset(late, '+08:00')).toBe('2020-07-24');
    expect(dayAtOffset(late + 3600, '+08:00')).toBe('2020-07-25');
    expect(dayAtOffset(late, '-05:00')).toBe('2020-07-24');
    expect(dayAtOffset(late, '+14:00')).toBe('2020-07-25');
    expect(endOfDayAt('2020-07-24', '+08:00')).toBe(Date.parse('2020-07-25T00:00:00+08:00') / 1000);
    expect(endOfDayAt('2020-12-31', '-05:30')).toBe(Date.parse('2021-01-01T00:00:00-05:30') / 1000);
  });
});
