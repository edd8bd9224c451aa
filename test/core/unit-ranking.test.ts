import { describe, expect, it } from 'vitest';
import { buildMonthlySummary } from '../../src/core/summaries/monthly-summary.js';
import type { MonthReportCounts } from '../../src/core/reports/report-counts.js';
import type { UnitRow } from '../../src/core/rules/rollup.js';
import { ConfigSchema } from '../../src/core/model/schema.js';
import { rankUnits, unitScore, type UnitRecord } from '../../src/core/summaries/unit-ranking.js';
import { memoryLedger } from '../helpers/memory-ledger.js';
import { SIX_UNIT_AREA_REPORTED } from '../helpers/six-unit-area.js';

const WEIGHTS = ConfigSchema.parse({}).ranking;

function record(unit: string, fields: Partial<UnitRecord>): UnitRecord {
  const row = { unit, measures: 4, done: 0, overdue: 0 } as UnitRow;
  return { ...row, dueParts: 0, doneOnTime: 0, yearPoints: 0, yearOwed: 0, reported: true, ...fields };
}

describe('责任单位通报', () => {
  it('scores a unit on its own record with the configured weights', () => {
    // 60 × 3/4 + 20 × ½ (late) + 20 × 1.5/2 − 5 × 1
    const r = record('甲', { dueParts: 4, doneOnTime: 3, overdue: 1, report: 'late', yearPoints: 1.5, yearOwed: 2 });
    expect(unitScore(r, WEIGHTS)).toBe(45 + 10 + 15 - 5);
    expect(unitScore(r, { done_on_time: 100, report_month: 0, report_year: 0, overdue: 0 })).toBe(75);
  });

  it('ranks by score, equal scores share a rank, and lists units that never reported apart', () => {
    const { ranking, neverReported } = rankUnits(
      [
        record('甲', { dueParts: 2, doneOnTime: 1, report: 'on-time' }),
        record('乙', { dueParts: 2, doneOnTime: 2, report: 'on-time' }),
        record('丙', { dueParts: 2, doneOnTime: 2, report: 'on-time' }),
        record('丁', { reported: false, overdue: 2, report: 'missing' }),
      ],
      WEIGHTS,
    );
    expect(ranking.map((r) => [r.rank, r.unit, r.score])).toEqual([
      [1, '乙', 100],
      [1, '丙', 100],
      [3, '甲', 70],
    ]);
    expect(neverReported.map((r) => r.unit)).toEqual(['丁']);
  });

  it('ranks the five units that finished above the silent one, and does not blame them for it', () => {
    const ledger = memoryLedger([SIX_UNIT_AREA_REPORTED]);
    const reports: MonthReportCounts = {
      month: '2020-06',
      due: '2020-06-20',
      owing: 6,
      received: 5,
      missing: 1,
      late: 0,
      rows: [
        ...['市住建局', '市审批局', '大武口区', '惠农区', '平罗县'].map((unit) => ({
          unit,
          state: 'on-time' as const,
        })),
        { unit: '星瀚集团', state: 'missing' },
      ],
    };
    const summary = buildMonthlySummary(ledger, '2020-06', '2020-12-01', reports);
    expect(summary.ranking.map((r) => [r.rank, r.unit, r.overdue, r.doneOnTime, r.score])).toEqual([
      [1, '市审批局', 0, 1, 100],
      [1, '市住建局', 0, 1, 100],
      [1, '大武口区', 0, 1, 100],
      [1, '惠农区', 0, 1, 100],
      [1, '平罗县', 0, 1, 100],
    ]);
    expect(summary.neverReported.map((r) => [r.unit, r.overdue])).toEqual([['星瀚集团', 1]]);
    expect(summary.rankingFormula).toContain('60 × 按时完成率');
  });
});
