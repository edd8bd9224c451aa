import { describe, expect, it } from 'vitest';
import { completionDate } from '../../src/core/summaries/monthly-summary.js';
import { nextMonth } from '../../src/core/model/calendar.js';
import { MeasureSchema } from '../../src/core/model/schema.js';

const base = { id: '1.1.1', title: 't', text: 't', deadline: '2020年底前', units: ['市税务局', '市人社局'] };
const report = (month: string, status: string, completed_on?: string) => ({
  month,
  status,
  progress: '',
  ...(completed_on ? { completed_on } : {}),
});

describe('monthly summary rules', () => {
  it('dates a completion by the latest completed_on, else the latest month reported done', () => {
    const done = (unit_reports: Record<string, unknown>) =>
      MeasureSchema.parse({ ...base, status: '已完成', unit_reports });
    expect(
      completionDate(
        done({
          市税务局: report('2020-06', '已完成', '2020-06-20'),
          市人社局: report('2020-07', '已完成', '2020-07-03'),
        }),
      ),
    ).toBe('2020-07-03');
    expect(completionDate(done({ 市税务局: report('2020-06', '已完成'), 市人社局: report('2020-07', '已完成') }))).toBe(
      '2020-07',
    );
    expect(completionDate(done({}))).toBeUndefined();
    expect(
      completionDate(
        MeasureSchema.parse({
          ...base,
          status: '推进中',
          unit_reports: { 市税务局: report('2020-07', '已完成', '2020-07-03') },
        }),
      ),
    ).toBeUndefined();
  });

  it('rolls the month over the year end', () => {
    expect(nextMonth('2020-12')).toBe('2021-01');
    expect(nextMonth('2020-07')).toBe('2020-08');
  });
});
