import { describe, expect, it } from 'vitest';
import { completionDate, rankUnits } from '../../src/core/monthly-summary.js';
import { addMonth } from '../../src/core/report-path.js';
import type { MonthReportCounts } from '../../src/core/report-counts.js';
import type { UnitRow } from '../../src/core/rollup.js';
import { MeasureSchema } from '../../src/core/schema.js';

const base = { id: '1.1.1', title: 't', text: 't', deadline: '2020年底前', units: ['市税务局', '市人社局'] };
const report = (month: string, status: string, completed_on?: string) => ({
  month,
  status,
  progress: '',
  ...(completed_on ? { completed_on } : {}),
});

function unitRow(unit: string, overdue: number, completionPercent: number): UnitRow {
  return {
    unit,
    overdue,
    completionPercent,
    measures: 10,
    done: 0,
    inProgress: 0,
    notStarted: 10,
    escalated: 0,
    dueSoon: 0,
    ongoing: 0,
    noProgress: 0,
    light: '绿',
  };
}

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

  it('ranks by reporting, then overdue, then completion; equals share a rank', () => {
    const rows = [unitRow('甲', 2, 50), unitRow('乙', 0, 10), unitRow('丙', 0, 10), unitRow('丁', 0, 90)];
    expect(rankUnits(rows).map((r) => [r.rank, r.unit])).toEqual([
      [1, '丁'],
      [2, '乙'],
      [2, '丙'],
      [4, '甲'],
    ]);
    const reports = {
      rows: [
        { unit: '丁', state: 'missing' },
        { unit: '乙', state: 'late' },
        { unit: '丙', state: 'on-time' },
      ],
    } as MonthReportCounts;
    expect(rankUnits(rows, reports).map((r) => [r.rank, r.unit, r.report])).toEqual([
      [1, '丙', 'on-time'],
      [2, '甲', undefined],
      [3, '乙', 'late'],
      [4, '丁', 'missing'],
    ]);
  });

  it('rolls the month over the year end', () => {
    expect(addMonth('2020-12')).toBe('2021-01');
    expect(addMonth('2020-07')).toBe('2020-08');
  });
});
