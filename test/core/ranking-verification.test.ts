import { describe, expect, it } from 'vitest';
import { buildMonthlySummary } from '../../src/core/summaries/monthly-summary.js';
import { memoryLedger } from '../helpers/memory-ledger.js';
import { SMALL_AREA } from '../helpers/ledger-fixture.js';

// 1.1.2 (2020年6月底前) reported 已完成 by both units in June; only 市审批局's part was verified.
const REPORTED = SMALL_AREA.replace(
  '        units: [市审批局, 市公安局]\n        status: 未启动',
  [
    '        units: [市审批局, 市公安局]',
    '        status: 已完成',
    '        unit_reports:',
    '          市审批局: { month: 2020-06, status: 已完成, completed_on: 2020-06-15,',
    '            verification: { state: 已核验, by: 市发改委, on: 2020-06-28 } }',
    '          市公安局: { month: 2020-06, status: 已完成, completed_on: 2020-06-20 }',
  ].join('\n'),
);

const record = (requireVerification: boolean, unit: string) =>
  buildMonthlySummary(
    memoryLedger([REPORTED], { require_verification: requireVerification }),
    '2020-07',
    '2020-07-25',
  ).ranking.find((r) => r.unit === unit);

// Issue 26, item 4 (the ranking): with require_verification an unverified part is 待核验, not 已完成.
describe('the 通报 ranking with require_verification', () => {
  it('credits an unverified part past its deadline as unfinished, a verified one as done on time', () => {
    expect(REPORTED).toContain('市公安局: { month: 2020-06');
    expect(record(false, '市公安局')).toMatchObject({ dueParts: 1, doneOnTime: 1 });
    expect(record(true, '市公安局')).toMatchObject({ dueParts: 1, doneOnTime: 0 });
    expect(record(true, '市审批局')).toMatchObject({ doneOnTime: 1 });
    expect(record(true, '市公安局')!.score).toBeLessThan(record(false, '市公安局')!.score);
  });
});
