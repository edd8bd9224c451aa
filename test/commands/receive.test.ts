import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check/run.js';
import { receive } from '../../src/commands/receive/run.js';
import { gatherReportCounts } from '../../src/io/report-counts.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';

function repoOnMain() {
  const repo = tempGitRepo();
  repo.commit(
    '导入台账',
    { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA },
    { date: '2020-07-01T09:00:00+08:00' },
  );
  repo.git('checkout', '-q', '-b', 'pr');
  return repo;
}

describe('ledger receive: a mailed form counts from the day it was received, before it is merged', () => {
  it('records one receipt decision in the lead’s folder; missing and the counts see the unit as on time', async () => {
    const repo = repoOnMain();
    const result = await receive({ root: repo.dir, unit: '市公安局', month: '2020-07', date: '2020-07-17' });
    expect(result.file).toBe('decisions/市审批局/2020-07/2020-07-17-收件-2020-07-市公安局.yaml');
    expect(result.by).toBe('市审批局');
    const counts = await gatherReportCounts(repo.dir, loadLedger(repo.dir).ledger, '2020-07', '2020-07-22');
    expect(counts.rows.find((r) => r.unit === '市公安局')).toMatchObject({ state: 'on-time', received: '2020-07-17' });
    // Not yet on 16 July.
    const before = await gatherReportCounts(repo.dir, loadLedger(repo.dir).ledger, '2020-07', '2020-07-16');
    expect(before.rows.find((r) => r.unit === '市公安局')?.state).toBe('missing');
    const errors = (await check({ root: repo.dir, base: 'main', asOf: '2020-07-22' })).diagnostics.filter(
      (d) => d.severity === 'error',
    );
    expect(errors).toEqual([]);
  });

  it('refuses a second receipt, a future day, a day outside the window, and a unit receiving its own form', async () => {
    const repo = repoOnMain();
    await receive({ root: repo.dir, unit: '市公安局', month: '2020-07', date: '2020-07-17' });
    await expect(receive({ root: repo.dir, unit: '市公安局', month: '2020-07', date: '2020-07-18' })).rejects.toThrow(
      /已于 2020-07-17 登记收件/,
    );
    await expect(receive({ root: repo.dir, unit: '市司法局', month: '2020-07', date: '2099-01-01' })).rejects.toThrow(
      /晚于今天/,
    );
    await expect(receive({ root: repo.dir, unit: '市司法局', month: '2020-07', date: '2020-06-30' })).rejects.toThrow(
      /不在 2020-07-01 至 2020-08 月底之间/,
    );
    await expect(
      receive({ root: repo.dir, unit: '市审批局', month: '2020-07', date: '2020-07-17', by: '市审批局' }),
    ).rejects.toThrow(/不能登记 市审批局 的收件/);
  });

  it('is a command with help and an example', () => {
    const help = runCli(['receive', '--help'], repoOnMain().dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('ledger receive --unit 平罗县 --month 2020-07 --date 2020-07-17');
  });
});
