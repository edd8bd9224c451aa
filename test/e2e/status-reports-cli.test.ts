import { describe, expect, it } from 'vitest';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';

/** 市审批局 reports July on the 22nd, two days after the due day. */
function lateJuly() {
  const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
  repo.commit('台账', {}, { date: '2020-07-01T09:00:00+08:00' });
  repo.commit(
    '7月报送',
    { 'reports/2020-07/市审批局.yaml': reportYaml('市审批局', '2020-07', entry('1.1.2', '推进中', '已优化流程')) },
    { date: '2020-07-22T09:00:00+08:00' },
  );
  return repo;
}

const reportsLine = (stdout: string) => stdout.split('\n').find((line) => line.startsWith('月度报送')) ?? '';
const json = (args: string[], cwd: string) =>
  JSON.parse(runCli([...args, '--format', 'json'], cwd).stdout) as { reports?: Record<string, unknown> };

describe('the reports line of ledger status', () => {
  it('is for the month whose report is due as of the date, with 0 reported when none', () => {
    const repo = lateJuly();
    expect(reportsLine(runCli(['status', '--as-of', '2020-12-01'], repo.dir).stdout)).toBe(
      '月度报送 2020-11（截止 2020-11-20）：应报 8 个单位，已报 0，未报 8，迟报 0（名单：ledger missing --month 2020-11）',
    );
    expect(json(['status', '--as-of', '2020-12-21'], repo.dir).reports).toMatchObject({
      month: '2020-12',
      received: 0,
    });
    expect(reportsLine(runCli(['status', '--as-of', '2020-07-25'], repo.dir).stdout)).toContain(
      '月度报送 2020-07（截止 2020-07-20）：应报 8 个单位，已报 1，未报 7，迟报 1',
    );
  });

  it('does not count a report committed after the as-of date', () => {
    const repo = lateJuly();
    // The work tree holds the report, but it reached the repository on the 22nd.
    expect(json(['status', '--as-of', '2020-07-21', '--worktree'], repo.dir).reports).toMatchObject({
      month: '2020-07',
      received: 0,
      late: 0,
      missing: 8,
    });
    // The ledger as committed on the 21st had no report at all: the monthly cycle had not started.
    expect(json(['status', '--as-of', '2020-07-21'], repo.dir).reports).toBeUndefined();
    // Before the 21st the June report is due, before the first month with reports: no line at all.
    expect(reportsLine(runCli(['status', '--as-of', '2020-07-15'], repo.dir).stdout)).toBe('');
    expect(json(['status', '--as-of', '2020-07-15'], repo.dir).reports).toBeUndefined();
  });
});
