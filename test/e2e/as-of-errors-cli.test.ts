import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';

function threeMonths() {
  const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
  repo.commit('建立台账', {}, { date: '2020-07-01T10:00:00+08:00' });
  repo.commit('8月', { 'README.md': '8\n' }, { date: '2020-08-10T10:00:00+08:00' });
  repo.commit('9月', { 'README.md': '9\n' }, { date: '2020-09-10T10:00:00+08:00' });
  return repo;
}

/** Exit 2, a Chinese message and a hint, no stack trace. */
function expectRefused(run: { code: number; stderr: string }, message: RegExp, hint: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).toMatch(hint);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('--as-of and --rev refuse what history cannot answer', () => {
  it('a --rev that does not exist', () => {
    const repo = threeMonths();
    expectRefused(runCli(['status', '--rev', 'no-such'], repo.dir), /找不到版本 no-such/, /git branch -a/);
  });

  it('--as-of before the first commit, with the way to use the work tree', () => {
    const repo = threeMonths();
    expectRefused(
      runCli(['status', '--as-of', '2020-06-30'], repo.dir),
      /2020-06-30 时台账还没有提交到仓库（第一个提交是 2020-07-01）/,
      /--worktree/,
    );
    expect(runCli(['status', '--as-of', '2020-06-30', '--worktree'], repo.dir).code).toBe(0);
  });

  it('ends the day at 24:00 in the ledger time zone (config timezone, default +08:00)', () => {
    const repo = threeMonths();
    repo.commit('晚间', { 'README.md': 'x\n' }, { date: '2020-09-30T23:30:00+08:00' });
    repo.commit('凌晨', { 'README.md': 'y\n' }, { date: '2020-10-01T01:00:00+08:00' });
    const subject = () =>
      (
        JSON.parse(runCli(['status', '--as-of', '2020-09-30', '--format', 'json'], repo.dir).stdout) as {
          version: { subject: string };
        }
      ).version.subject;
    expect(subject()).toBe('晚间');
    writeFileSync(path.join(repo.dir, 'ledger/config.yaml'), 'timezone: "+00:00"\n');
    expect(subject()).toBe('凌晨');
  });

  it('a shallow clone missing the day', () => {
    const repo = threeMonths();
    const clone = mkdtempSync(path.join(os.tmpdir(), 'ledger-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
    expectRefused(runCli(['status', '--as-of', '2020-07-15'], clone), /浅克隆/, /git fetch --unshallow/);
    expect(runCli(['status', '--as-of', '2020-09-15'], clone).code).toBe(0);
  });

  it('history out of date order is read in commit order, with a warning, and never locks the repository out', () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    repo.commit('建立台账', {}, { date: '2020-07-01T10:00:00+08:00' });
    repo.commit('时钟错了', { 'README.md': 'x\n' }, { date: '2030-01-01T10:00:00+08:00' });
    repo.commit('8月', { 'README.md': 'y\n' }, { date: '2020-08-10T10:00:00+08:00' });
    const run = runCli(['status', '--as-of', '2020-08-15'], repo.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /台账版本：2020-08-10 提交 \w{7}（8月）；注意：更早的提交 \w{7} 的提交时间是 2030-01-01，晚于这一天/,
    );
    // Later days, summaries and the lights all still answer.
    expect(runCli(['status', '--as-of', '2020-09-01'], repo.dir).code).toBe(0);
    expect(runCli(['status'], repo.dir).code).toBe(0);
  });

  it('outside Git and in a repository without commits: the work tree, with a note', () => {
    const plain = runCli(['status', '--as-of', '2020-07-15'], tempLedger());
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('台账版本：工作区（不在 Git 仓库中，无法取历史版本，按工作区计算）');
    const empty = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    expect(runCli(['status', '--as-of', '2020-07-15'], empty.dir).stdout).toContain(
      '台账版本：工作区（仓库还没有提交，按工作区计算）',
    );
  });
});
