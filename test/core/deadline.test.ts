import { describe, expect, it } from 'vitest';
import { lastDayOf } from '../../src/core/model/calendar.js';
import { parseDeadline } from '../../src/core/model/deadline.js';
import { normalizeDeadline } from '../../src/core/plan/normalize-deadline.js';

describe('parseDeadline', () => {
  it('reads a year end and a month end as the last day of the period', () => {
    expect(parseDeadline('2020年底前')).toEqual({
      kind: 'dated',
      written: '2020年底前',
      milestones: [{ label: '2020年底', due: '2020-12-31' }],
    });
    expect(parseDeadline('2020年6月底前')).toMatchObject({ milestones: [{ label: '2020年6月底', due: '2020-06-30' }] });
    expect(parseDeadline('2024年2月底前')).toMatchObject({ milestones: [{ due: '2024-02-29' }] });
    expect(parseDeadline('2021年2月底前')).toMatchObject({ milestones: [{ due: '2021-02-28' }] });
  });

  it('reads two milestones, the second inheriting the year', () => {
    expect(parseDeadline('2020年6月底、10月底前')).toMatchObject({
      kind: 'dated',
      milestones: [
        { label: '2020年6月底', due: '2020-06-30' },
        { label: '2020年10月底', due: '2020-10-31' },
      ],
    });
  });

  it('reads 长期 and 适时', () => {
    expect(parseDeadline('长期')).toEqual({ kind: 'ongoing', written: '长期' });
    expect(parseDeadline('适时')).toEqual({ kind: 'when-appropriate', written: '适时' });
  });

  it('rejects what it cannot read', () => {
    for (const written of ['明年', '2020年13月底前', '6月底前', '2020年7月底、6月底前', '', '2020年底前前']) {
      expect(parseDeadline(written), written).toBeUndefined();
    }
  });

  it('lastDayOf handles leap years', () => {
    expect([lastDayOf(2000, 2), lastDayOf(1900, 2), lastDayOf(2020, 12)]).toEqual([
      '2000-02-29',
      '1900-02-28',
      '2020-12-31',
    ]);
  });
});

describe('normalizeDeadline (source scars)', () => {
  it('restores a lost 年 and a missing 前', () => {
    expect(normalizeDeadline('20206月底前')).toBe('2020年6月底前');
    expect(normalizeDeadline('20206月底、10月底前')).toBe('2020年6月底、10月底前');
    expect(normalizeDeadline('2020年底')).toBe('2020年底前');
    expect(normalizeDeadline('长期')).toBe('长期');
  });
});
