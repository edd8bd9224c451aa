import { describe, expect, it } from 'vitest';
import { missing } from '../../src/commands/missing/run.js';
import { reportCounts } from '../../src/core/reports/report-counts.js';
import { SMALL_AREA, tempLedger, replaceOrThrow } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, loadedLedger, reportYaml } from '../helpers/report-fixture.js';

describe('ledger missing', () => {
  it('lists the units that owe a report outside Git, saying lateness cannot be judged', async () => {
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      'reports/2020-07/市财政局.yaml': reportYaml('市财政局', '2020-07', entry('1.2.3', '推进中')),
    });
    const result = await missing({ root, month: '2020-07' });
    expect(result.tracked).toBe(false);
    expect(result).toMatchObject({ owing: 8, received: 1, missing: 7, late: 0 });
    expect(result.rows.find((r) => r.unit === '市财政局')).toEqual({
      unit: '市财政局',
      state: 'received',
      file: 'reports/2020-07/市财政局.yaml',
    });
  });
});

describe('reportCounts', () => {
  const done = (month: string) =>
    `        unit_reports:\n          市财政局:\n            month: ${month}\n            status: 已完成\n            progress: 已设立\n`;
  const anchor =
    '        deadline: 适时\n        units: [市财政局]\n        status: 未启动\n        progress: ""\n        remark: ""\n';

  it('judges lateness by the first commit date against report_day, and drops units that had finished before the month', () => {
    const { ledger } = loadedLedger({}, replaceOrThrow(SMALL_AREA, anchor, anchor + done('2020-06')));
    const present = [
      { unit: '市公安局', file: 'reports/2020-07/市公安局.yaml' },
      { unit: '市审批局', file: 'reports/2020-07/市审批局.yaml' },
      { unit: '市司法局', file: 'reports/2020-07/市司法局.yaml' },
    ];
    const commits = new Map([
      ['reports/2020-07/市公安局.yaml', { committed: '2020-07-20T23:59:00+08:00' }],
      ['reports/2020-07/市审批局.yaml', { committed: '2020-07-21T08:00:00+08:00' }],
    ]);
    const counts = reportCounts(ledger, '2020-07', present, commits);
    expect(counts.rows.map((r) => [r.unit, r.state])).toEqual([
      ['市审批局', 'late'],
      ['大武口区', 'missing'],
      ['惠农区', 'missing'],
      ['平罗县', 'missing'],
      ['市中级人民法院', 'missing'],
      ['市司法局', 'uncommitted'],
      ['市公安局', 'on-time'],
    ]);
    expect(counts).toMatchObject({ due: '2020-07-20', owing: 7, received: 3, missing: 4, late: 1 });
    // For June, 市财政局 still owed its report.
    expect(reportCounts(ledger, '2020-06', [], commits).rows.some((r) => r.unit === '市财政局')).toBe(true);
  });
});
