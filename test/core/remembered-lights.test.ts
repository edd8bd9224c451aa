import { describe, expect, it } from 'vitest';
import {
  isMonthEnd,
  lightLabel,
  monthEndState,
  overdueBefore,
  overdueSchedule,
  redMonths,
  type MonthEnd,
} from '../../src/core/rules/remembered-lights.js';
import { previousMonthEnd } from '../../src/core/model/calendar.js';
import { countItems, evaluateLedger } from '../../src/core/rules/rollup.js';
import { memoryLedger } from '../helpers/memory-ledger.js';
import { replaceOrThrow, SMALL_AREA } from '../helpers/ledger-fixture.js';

const end = (day: string, red: string[], overdue: string[] = []): MonthEnd => ({
  day,
  red: new Set(red),
  overdue: new Set(overdue),
});

describe('lights that remember (pure rules)', () => {
  it('finds the previous month end and tells month ends apart', () => {
    expect(previousMonthEnd('2020-08-31')).toBe('2020-07-31');
    expect(previousMonthEnd('2020-03-05')).toBe('2020-02-29');
    expect(previousMonthEnd('2021-01-01')).toBe('2020-12-31');
    expect([isMonthEnd('2020-02-29'), isMonthEnd('2020-02-28'), isMonthEnd('2020-12-31')]).toEqual([true, false, true]);
  });

  it('counts consecutive red month ends back from the last one, the day itself when it is one', () => {
    const memory = [end('2020-08-31', ['area:1']), end('2020-07-31', ['area:1']), end('2020-06-30', [])];
    expect(redMonths(memory, '2020-09-30', 'area:1', true)).toBe(3);
    expect(redMonths(memory, '2020-09-15', 'area:1', true)).toBe(2);
    expect(redMonths(memory, '2020-09-30', 'area:1', false)).toBe(0);
    // A gap in the memory (history does not reach a month end) ends the count.
    expect(redMonths([end('2020-07-31', ['area:1'])], '2020-09-30', 'area:1', true)).toBe(1);
  });

  it('schedules overdue days per version and marks done measures overdue at the previous month end 补齐', () => {
    const july = monthEndState(overdueSchedule(memoryLedger(), '2020-07-31'), '2020-07-31');
    expect(july.overdue.has('1.1.2')).toBe(true);
    expect(july.overdue.has('1.1.2\0市公安局')).toBe(true);
    expect(july.overdue.has('1.1.1')).toBe(false);
    expect(july.red.has('area:1') && july.red.has('unit:市公安局')).toBe(true);
    expect(monthEndState(overdueSchedule(memoryLedger(), '2020-07-31'), '2020-06-30').overdue.size).toBe(0);
    const done = memoryLedger([
      replaceOrThrow(SMALL_AREA, /(id: "1\.1\.2"[\s\S]*?)status: 未启动/, '$1status: 已完成'),
    ]);
    const options = { overdueBefore: overdueBefore([july], '2020-08-10') };
    const items = evaluateLedger(done, '2020-08-10', options);
    expect(items.filter((i) => i.caughtUp).map((i) => i.id)).toEqual(['1.1.2']);
    // 1.2.1 is still overdue: red wins over 补齐.
    expect(countItems(items)).toMatchObject({ caughtUp: 1, light: '红' });
    expect(countItems(items.filter((i) => i.id === '1.1.2')).light).toBe('黄');
    // Without memory of July's end (a month later) it is plainly done.
    expect(overdueBefore([july], '2020-09-10')).toBeUndefined();
  });

  it('labels a light 黄（补齐） and 红（连续 N 个月红灯）', () => {
    const counts = countItems([]);
    expect(lightLabel({ ...counts, light: '黄', caughtUp: 1 })).toBe('黄（补齐）');
    expect(lightLabel({ ...counts, light: '红', redMonths: 3 })).toBe('红（连续 3 个月红灯）');
    expect(lightLabel({ ...counts, light: '红', redMonths: 3 }, false)).toBe('红');
    expect(lightLabel(counts)).toBe('绿');
  });
});
