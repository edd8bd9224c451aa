import { describe, expect, it } from 'vitest';
import { closingDay, parseQuarterOption } from '../../src/commands/summary/quarter.js';
import { UsageError } from '../../src/errors.js';

const Q3 = parseQuarterOption('2020Q3');

describe('the day a quarter is closed on', () => {
  it('is its last day, today while it runs, --as-of within it, its last day for a later --as-of', () => {
    expect(closingDay(Q3, undefined, '2026-12-02')).toBe('2020-09-30');
    expect(closingDay(Q3, undefined, '2020-08-15')).toBe('2020-08-15');
    expect(closingDay(Q3, '2020-08-20', '2026-12-02')).toBe('2020-08-20');
    expect(closingDay(Q3, '2020-12-01', '2026-12-02')).toBe('2020-09-30');
  });

  it('refuses a quarter not begun, or an --as-of before it, with a hint', () => {
    expect(() => closingDay(Q3, undefined, '2020-06-30')).toThrow(UsageError);
    expect(() => closingDay(Q3, undefined, '2020-06-30')).toThrow('2020Q3 还没有开始');
    expect(() => closingDay(Q3, '2020-06-30', '2026-12-02')).toThrow('--as-of 2020-06-30 早于 2020Q3');
    expect(() => parseQuarterOption('2020Q9')).toThrow('--quarter 的季度“2020Q9”无效');
  });
});
