import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check/run.js';
import { merge } from '../../src/commands/merge/run.js';
import { validate } from '../../src/commands/validate/run.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { snapshotTree, writeTree } from '../helpers/temp-dir.js';

/** 市审批局 reports on 1.1.1, 1.1.2 and 1.2.1. */
const approvals = (month: string, text: string) =>
  reportYaml(
    '市审批局',
    month,
    entry('1.1.1', '推进中', text) + entry('1.1.2', '推进中', text) + entry('1.2.1', '推进中', text),
  );

/** A repository whose ledger has 市审批局's August report merged and committed. */
async function augustMerged() {
  const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
  repo.commit('台账', {}, { date: '2020-07-01T09:00:00+08:00' });
  repo.commit(
    '市审批局 8月报送',
    { 'reports/2020-08/市审批局.yaml': approvals('2020-08', '八月') },
    { date: '2020-08-18T09:00:00+08:00' },
  );
  expect((await merge({ root: repo.dir, paths: ['reports/2020-08'], asOf: '2020-08-25' })).written).toEqual([
    AREA_FILE,
  ]);
  repo.commit('合并 8月报送', {}, { date: '2020-08-25T09:00:00+08:00' });
  return repo;
}

const stale = (diagnostics: readonly { code: string; file: string; line: number; severity: string }[]) =>
  diagnostics.filter((d) => d.code === 'report/stale').map((d) => [d.file, d.line, d.severity]);

describe('a last-month report that arrives after the later month is merged', () => {
  it('validate and check report it once per file; merge prints one error per file', async () => {
    const repo = await augustMerged();
    repo.git('checkout', '-q', '-b', 'late');
    repo.commit(
      '市审批局 7月报送（迟到）',
      { 'reports/2020-07/市审批局.yaml': approvals('2020-07', '七月') },
      { date: '2020-08-26T09:00:00+08:00' },
    );
    const validation = await validate({ root: repo.dir, asOf: '2020-08-26' });
    expect(stale(validation.diagnostics)).toEqual([['reports/2020-07/市审批局.yaml', 2, 'error']]);
    const found = validation.diagnostics.find((d) => d.code === 'report/stale')!;
    expect(found.message).toContain('2020-08');
    expect(found.hint).toContain("git rm 'reports/2020-07/市审批局.yaml'");
    expect(found.hint).toContain('2020-09');

    const pr = await check({ root: repo.dir, base: 'main', asOf: '2020-08-26' });
    expect(stale(pr.diagnostics)).toEqual([['reports/2020-07/市审批局.yaml', 2, 'error']]);

    const before = snapshotTree(repo.dir);
    const merged = await merge({ root: repo.dir, paths: ['reports/2020-07'], asOf: '2020-08-26' });
    expect(stale(merged.diagnostics)).toEqual([['reports/2020-07/市审批局.yaml', 2, 'error']]);
    expect(merged.diagnostics.find((d) => d.code === 'report/stale')!.message).toContain(
      '3 项具体措施：1.1.1、1.1.2、1.2.1',
    );
    expect(merged.written).toEqual([]);
    expect(snapshotTree(repo.dir)).toEqual(before);
  });

  it('validate reports it while it is only in the work tree, not committed', async () => {
    const repo = await augustMerged();
    writeTree(repo.dir, { 'reports/2020-07/市审批局.yaml': approvals('2020-07', '七月') });
    expect(stale((await validate({ root: repo.dir, asOf: '2020-08-26' })).diagnostics)).toEqual([
      ['reports/2020-07/市审批局.yaml', 2, 'error'],
    ]);
  });

  it('an old report merged before the later month stays fine forever', async () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    repo.commit('台账', {}, { date: '2020-07-01T09:00:00+08:00' });
    repo.commit(
      '7月报送',
      { 'reports/2020-07/市审批局.yaml': approvals('2020-07', '七月') },
      { date: '2020-07-18T09:00:00+08:00' },
    );
    await merge({ root: repo.dir, paths: ['reports/2020-07'], asOf: '2020-07-25' });
    repo.commit('合并 7月', {}, { date: '2020-07-25T09:00:00+08:00' });
    repo.commit(
      '8月报送',
      { 'reports/2020-08/市审批局.yaml': approvals('2020-08', '八月') },
      { date: '2020-08-18T09:00:00+08:00' },
    );
    await merge({ root: repo.dir, paths: ['reports/2020-08'], asOf: '2020-08-25' });
    repo.commit('合并 8月', {}, { date: '2020-08-25T09:00:00+08:00' });
    expect((await validate({ root: repo.dir, asOf: '2020-12-31' })).diagnostics).toEqual([]);
    expect((await merge({ root: repo.dir, paths: ['reports'], asOf: '2020-12-31' })).diagnostics).toEqual([]);
  });
});
