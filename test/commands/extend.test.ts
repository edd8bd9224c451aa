import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extend } from '../../src/commands/extend/run.js';
import { merge } from '../../src/commands/merge/run.js';
import { findMeasure } from '../../src/core/ledger.js';
import { evaluateMeasure } from '../../src/core/evaluate.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { snapshotTree } from '../helpers/temp-dir.js';

const REQUEST = entry('1.1.2', '推进中', '流程再造中', 'extension: { until: 2020-09-30, reason: 需与省平台对接 }');

async function ledgerWithRequest(): Promise<string> {
  const root = tempLedger({
    [AREA_FILE]: `# 保留这条注释\n${SMALL_AREA}`,
    'reports/2020-06/市公安局.yaml': reportYaml('市公安局', '2020-06', REQUEST),
  });
  const result = await merge({ root, paths: ['reports/2020-06'], asOf: '2020-06-25' });
  expect(result.diagnostics).toEqual([]);
  return root;
}

describe('ledger extend', () => {
  it('records an approval with date, approver and reason; the written 完成时限 stays, overdue moves', async () => {
    const root = await ledgerWithRequest();
    const result = extend({ root, id: '1.1.2', decision: 'approve', date: '2020-06-28', reason: '同意' });
    expect(result.after).toEqual({
      requested_by: '市公安局',
      requested_in: '2020-06',
      until: '2020-09-30',
      reason: '需与省平台对接',
      state: '已批准',
      decided_on: '2020-06-28',
      decided_by: '市审批局',
      decision_reason: '同意',
    });
    const text = readFileSync(path.join(root, AREA_FILE), 'utf8');
    expect(text.startsWith('# 保留这条注释\n')).toBe(true);
    const { ledger } = loadLedger(root);
    const ref = findMeasure(ledger, '1.1.2')!;
    expect(ref.measure.deadline).toBe('2020年6月底前');
    expect(evaluateMeasure(ref.measure, '2020-07-15', ledger.config).overdue).toBe(false);
    // Merging the request's report again leaves the decision alone.
    const again = await merge({ root, paths: ['reports/2020-06'], asOf: '2020-07-15' });
    expect(again.diagnostics).toEqual([]);
    expect(again.written).toEqual([]);
  });

  it('records a rejection, and then there is nothing left to decide', async () => {
    const root = await ledgerWithRequest();
    expect(extend({ root, id: '1.1.2', decision: 'reject', date: '2020-06-28', by: '王主任' }).after).toMatchObject({
      state: '已驳回',
      decided_by: '王主任',
    });
    const before = snapshotTree(root);
    expect(() => extend({ root, id: '1.1.2', decision: 'approve', date: '2020-06-29' })).toThrow(/没有待审批延期申请/);
    expect(() => extend({ root, id: '9.9.9', decision: 'approve', date: '2020-06-29' })).toThrow(/没有编号为 9.9.9/);
    expect(snapshotTree(root)).toEqual(before);
  });
});
