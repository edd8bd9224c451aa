import { describe, expect, it } from 'vitest';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const FILES = { 'ledger/units.yaml': BUNDLED_UNITS, 'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA };

describe('git errors are told in Chinese, git’s own text only with LEDGER_DEBUG=1', () => {
  it('outside a Git repository: says so and how to fix it', () => {
    const root = tempLedger();
    const run = runCli(['history', '1.1.1'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不在 Git 仓库中');
    expect(run.stderr).toContain('git init');
    expect(run.stderr).not.toMatch(/fatal|not a git repository/);
    const debug = runCli(['history', '1.1.1'], root, { LEDGER_DEBUG: '1' });
    expect(debug.stderr).toContain('fatal: not a git repository');
  });

  it('a repository without commits: log and history show that there is no history yet, exit 0', () => {
    const repo = tempGitRepo(FILES);
    for (const args of [['log'], ['history', '1.1.1'], ['log', '--format', 'json']]) {
      const run = runCli(args, repo.dir);
      expect(run.stderr, args.join(' ')).toBe('');
      expect(run.code, args.join(' ')).toBe(0);
    }
    expect(runCli(['log'], repo.dir).stdout).toContain('还没有任何提交');
    expect(runCli(['history', '1.1.1'], repo.dir).stdout).toContain('还没有任何提交');
    expect(JSON.parse(runCli(['log', '--format', 'json'], repo.dir).stdout)).toMatchObject({
      changes: [],
      no_commits: true,
    });
    const check = runCli(['check', '--base', 'main'], repo.dir);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('仓库还没有任何提交');
    expect(check.stderr).not.toContain('fatal');
  });

  it('an unknown --base: 找不到版本 with a hint to fetch it', () => {
    const repo = tempGitRepo();
    repo.commit('导入台账', FILES);
    const run = runCli(['check', '--base', 'origin/main'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('找不到版本 origin/main');
    expect(run.stderr).toContain('git fetch origin main');
    expect(run.stderr).not.toMatch(/fatal|unknown revision/);
  });
});
