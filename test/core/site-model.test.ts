import { describe, expect, it } from 'vitest';
import { rollupByArea, rollupByUnit } from '../../src/core/rules/rollup.js';
import { buildSiteModel, type SiteTrendPoint } from '../../src/core/summaries/site-model.js';
import { memoryLedger } from '../helpers/memory-ledger.js';

const point = (month: string, asOf: string, overdue: number): SiteTrendPoint => ({
  ...rollupByArea(memoryLedger(), asOf).total,
  month,
  asOf,
  overdue,
});

describe('buildSiteModel', () => {
  it('has the figures of ledger status on the day, and the unit rows on their own parts', () => {
    const ledger = memoryLedger();
    const model = buildSiteModel(ledger, '2020-07-01', { reports: [] });
    expect(model.byArea).toEqual(rollupByArea(ledger, '2020-07-01'));
    expect(model.byUnit).toEqual(rollupByUnit(ledger, '2020-07-01'));
    expect(model.items.map((i) => i.id)).toEqual(model.refs.map((r) => r.measure.id));
    expect(model.indexById.get('1.2.1')).toBe(2);
    expect(model.reportMonth).toBe('2020-06');
    expect(model.currentReports).toBeUndefined();
    expect(model.trend.map((p) => p.month)).toEqual(['2020-07']);
    expect(model.previous).toBeUndefined();
  });

  it('compares with the month just before (较上月) and ends the trend with the day itself', () => {
    const trend = [
      point('2020-05', '2020-05-31', 0),
      point('2020-06', '2020-06-30', 1),
      point('2020-07', '2020-07-31', 9),
    ];
    const model = buildSiteModel(memoryLedger(), '2020-07-15', { reports: [], trend });
    expect(model.previous?.month).toBe('2020-06');
    expect(model.trend.map((p) => [p.month, p.asOf])).toEqual([
      ['2020-05', '2020-05-31'],
      ['2020-06', '2020-06-30'],
      ['2020-07', '2020-07-15'],
    ]);
    const gap = buildSiteModel(memoryLedger(), '2020-07-15', { reports: [], trend: [trend[0]!] });
    expect(gap.previous).toBeUndefined();
  });
});
