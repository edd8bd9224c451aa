import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extend } from '../../src/commands/extend/run.js';
import { merge } from '../../src/commands/merge/run.js';
import { findMeasure } from '../../src/core/model/ledger.js';
import { evaluateMeasure } from '../../src/core/rules/evaluate.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree } from '../helpers/temp-dir.js';

const REQUEST = entry('1.1.2', '推进中', '流程再造中', 'extension: { until: 2020-09-30, reason: 需与省平台对接 }');

async function ledgerWithRequest(unit = '市公安局'): Promise<string> {
  const root = tempLedger({
    [AREA_FILE]: `# 保留这条注释\n${SMALL_AREA}`,
    [`reports/2020-06/${unit}.yaml`]: reportYaml(unit, '2020-06', REQUEST),
  });
  const result = await merge({ root, paths: ['reports/2020-06'], asOf: '2020-06-25' });
  expect(result.diagnostics).toEqual([]);
  return root;
}

describe('ledger extend', () => {
  it('records an approval with date, approver and reason; the written 完成时限 stays, overdue moves', async () => {
    const root = await ledgerWithRequest();
    const result = await extend({ root, id: '1.1.2', decision: 'approve', date: '2020-06-28', reason: '同意' });
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
    expect(
      (await extend({ root, id: '1.1.2', decision: 'reject', date: '2020-06-28', by: '审批局' })).after,
    ).toMatchObject({
      state: '已驳回',
      decided_by: '市审批局',
    });
    const before = snapshotTree(root);
    await expect(extend({ root, id: '1.1.2', decision: 'approve', date: '2020-06-29' })).rejects.toThrow(
      /没有待审批延期申请/,
    );
    await expect(extend({ root, id: '9.9.9', decision: 'approve', date: '2020-06-29' })).rejects.toThrow(
      /没有编号为 9.9.9/,
    );
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('ledger extend never lets a unit decide its own request', () => {
  it('refuses the lead’s own request by default and with --by the lead; a supervisor may decide it', async () => {
    const root = await ledgerWithRequest('市审批局');
    const before = snapshotTree(root);
    const byDefault = await extend({ root, id: '1.1.2', decision: 'approve', date: '2020-06-28' });
    expect(byDefault.written).toBe(false);
    expect(byDefault.refused?.message).toBe(
      '延期申请由 市审批局 提出；市审批局 是 1.1.2 的牵头单位，但不能审批本单位的延期申请',
    );
    expect(byDefault.refused?.hint).toBe('由 市发改委 审批：ledger extend 1.1.2 --approve --by 市发改委');
    expect(
      (await extend({ root, id: '1.1.2', decision: 'approve', date: '2020-06-28', by: '市审批局' })).refused,
    ).toBeDefined();
    expect(snapshotTree(root)).toEqual(before);
    const bySupervisor = await extend({ root, id: '1.1.2', decision: 'approve', date: '2020-06-28', by: '发改委' });
    expect(bySupervisor.after).toMatchObject({ state: '已批准', decided_by: '市发改委' });
  });

  it('refuses a responsible unit deciding its own or another unit’s request', async () => {
    const root = await ledgerWithRequest();
    const before = snapshotTree(root);
    const own = await extend({ root, id: '1.1.2', decision: 'approve', date: '2020-06-28', by: '市公安局' });
    expect(own.refused?.message).toBe('延期申请由 市公安局 提出；市公安局 不能审批本单位的延期申请');
    const other = await extend({ root, id: '1.1.2', decision: 'approve', date: '2020-06-28', by: '市税务局' });
    expect(other.refused?.message).toBe('市税务局 不能审批 市公安局 在 1.1.2 上的延期申请');
    await expect(extend({ root, id: '1.1.2', decision: 'approve', date: '2020-06-28', by: '王主任' })).rejects.toThrow(
      /--by 的单位“王主任”不在单位名录中/,
    );
    expect(snapshotTree(root)).toEqual(before);
  });

  it('exits 1 with the reason and writes nothing (CLI)', async () => {
    const root = await ledgerWithRequest('市审批局');
    const before = snapshotTree(root);
    const run = runCli(['extend', '1.1.2', '--approve', '--date', '2020-06-28'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('不能审批本单位的延期申请');
    expect(run.stderr).toContain('--by 市发改委');
    expect(snapshotTree(root)).toEqual(before);
  });
});
