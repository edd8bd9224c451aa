import { describe, expect, it } from 'vitest';
import { areaChangeText, monthChange, signed } from '../../src/core/summaries/month-change.js';
import { memoryLedger } from '../helpers/memory-ledger.js';
import { replaceOrThrow, SMALL_AREA } from '../helpers/ledger-fixture.js';

const SECOND_AREA = replaceOrThrow(SMALL_AREA, 'area: 1\n', 'area: 2\n').replace(/"1\.(\d)/g, '"2.$1');

describe('较上月 (monthChange)', () => {
  it('changes each figure by now minus then, counts a new area from zero and lists changed statuses', () => {
    const then = memoryLedger([SMALL_AREA]);
    const now = memoryLedger([
      replaceOrThrow(SMALL_AREA, /(id: "1\.1\.2"[\s\S]*?)status: 未启动/, '$1status: 已完成'),
      SECOND_AREA,
    ]);
    const change = monthChange(
      { ledger: now, month: '2020-08', asOf: '2020-08-25' },
      { ledger: then, month: '2020-07', asOf: '2020-07-25', version: '台账版本：v' },
    );
    expect(change.headline).toMatchObject({ measures: 5, done: 1, notStarted: 4 });
    expect(change.areas.map((a) => [a.area, a.done, a.measures])).toEqual([
      [1, 1, 0],
      [2, 0, 5],
    ]);
    expect(change.measures.map((m) => [m.id, m.from, m.to])).toEqual([
      ['1.1.2', '未启动', '已完成'],
      ...['2.1.1', '2.1.2', '2.2.1', '2.2.2', '2.2.3'].map((id) => [id, undefined, '未启动']),
    ]);
  });

  it('writes changes with a real minus sign and says 持平 when nothing moved', () => {
    expect([signed(3), signed(-2), signed(0)]).toEqual(['+3', '−2', '0']);
    const still = { measures: 0, done: 0, inProgress: 0, notStarted: 0, overdue: 0, escalated: 0, dueSoon: 0 };
    const zero = { ...still, ongoing: 0, completionPercent: 0 };
    expect(areaChangeText(zero)).toBe('持平');
    expect(areaChangeText({ ...zero, done: 3, overdue: -2 })).toBe('+3 已完成、−2 逾期');
  });
});
