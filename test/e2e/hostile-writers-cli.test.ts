import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { snapshotTree, tempDir } from '../helpers/temp-dir.js';

/** Issue 25, item 5: one output guard for every writer; the record is never written by an export. */

const AREA = 'ledger/01-持续深化商事制度改革.yaml';
const AS_OF = ['--as-of', '2020-08-25'];

function ledgerRepo(): GitRepo {
  const repo = tempGitRepo();
  repo.commit(
    '导入台账',
    { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA, 'reports/.gitkeep': '' },
    { date: '2020-06-01T09:00:00+08:00' },
  );
  return repo;
}

/** A refused write: exit 2, the message names the target, and nothing in the repository changed. */
function expectRefused(repo: GitRepo, args: string[], named: string, cwd = repo.dir): CliRun {
  const before = snapshotTree(repo.dir);
  const run = runCli(args, cwd);
  expect(run.code, `${args.join(' ')}\n${run.stdout}${run.stderr}`).toBe(2);
  expect(run.stderr).toContain('拒绝写入');
  expect(run.stderr).toContain(named);
  expect(run.stderr).not.toContain('内部错误');
  expect(snapshotTree(repo.dir)).toEqual(before);
  expect(repo.git('status', '--porcelain')).toBe('');
  return run;
}

describe('writers into the record', { timeout: 240_000 }, () => {
  it('notice --out an area file is refused, in every format', () => {
    const repo = ledgerRepo();
    for (const format of ['text', 'md', 'json']) {
      expectRefused(repo, ['notice', ...AS_OF, '--format', format, '--out', AREA], AREA);
    }
    expectRefused(repo, ['notice', ...AS_OF, '--format', 'docx', '--out', 'ledger'], 'ledger');
    expectRefused(repo, ['notice', ...AS_OF, '--format', 'docx', '--out', 'reports/2020-08'], 'reports/2020-08');
    // The decision files (issue 24) are the supervision half of the record.
    expectRefused(repo, ['notice', ...AS_OF, '--format', 'md', '--out', 'decisions/x.md'], 'decisions/x.md');
    expectRefused(repo, ['summary', '--month', '2020-07', ...AS_OF, '--out', 'decisions'], 'decisions');
  });

  it('template, schema, codeowners into ledger/, reports/ or .git are refused', () => {
    const repo = ledgerRepo();
    const month = ['--unit', '市公安局', '--month', '2020-08'];
    expectRefused(repo, ['template', ...month, '--out', 'ledger/units.yaml', '--force'], 'ledger/units.yaml');
    expectRefused(repo, ['template', ...month, '--format', 'xlsx', '--out', AREA, '--force'], AREA);
    expectRefused(repo, ['template', ...month, '--out', 'reports/x.yaml'], 'reports/x.yaml');
    expectRefused(repo, ['template', ...month, '--out', '.git/config', '--force'], '.git/config');
    expectRefused(repo, ['schema', '--out', 'ledger'], 'ledger');
    expectRefused(repo, ['schema', '--out', 'reports/x'], 'reports/x');
    expectRefused(repo, ['schema', '--out', '.git/hooks'], '.git/hooks');
    expectRefused(repo, ['schema', '--out', '.'], '拒绝写入');
    expectRefused(repo, ['codeowners', '--output', 'ledger/units.yaml'], 'ledger/units.yaml');
    expectRefused(repo, ['codeowners', '--output', '.git/info/exclude'], '.git/info/exclude');
  });

  it('render and summary (every format) refuse ledger/ and reports/, also through a link', () => {
    const repo = ledgerRepo();
    const outside = tempDir();
    symlinkSync(path.join(repo.dir, 'ledger'), path.join(outside, 'to-ledger'));
    const summary = ['summary', '--month', '2020-07', ...AS_OF];
    for (const format of ['md', 'json', 'docx', 'xlsx']) {
      expectRefused(repo, [...summary, '--format', format, '--out', AREA], AREA);
      expectRefused(repo, [...summary, '--format', format, '--out', 'reports/2020-07/市公安局.yaml'], 'reports/');
    }
    expectRefused(repo, ['summary', '--quarter', '2020-Q3', '--format', 'docx', '--out', AREA], AREA);
    expectRefused(repo, ['summary', '--quarter', '2020-Q3', '--format', 'json', '--out', AREA], AREA);
    const linked = path.join(outside, 'to-ledger', 'units.yaml');
    expectRefused(repo, ['render', '--root', repo.dir, '--format', 'md', '--out', linked], linked, outside);
    expectRefused(repo, ['render', '--format', 'xlsx', '--out', '.git/x.xlsx'], '.git/x.xlsx');
  });

  it('site --out a link to the root (even with a committed .ledger-site marker) or to ledger/, or .git, is refused', () => {
    const repo = ledgerRepo();
    repo.commit('标记', { '.ledger-site': 'ledger site\n' });
    const outside = tempDir();
    symlinkSync(repo.dir, path.join(outside, 'site-root'));
    symlinkSync(path.join(repo.dir, 'ledger'), path.join(outside, 'site-ledger'));
    const site = ['site', ...AS_OF, '--root', repo.dir];
    expectRefused(repo, [...site, '--out', path.join(outside, 'site-root')], 'site-root', outside);
    expectRefused(repo, [...site, '--out', path.join(outside, 'site-root'), '--force'], 'site-root', outside);
    expectRefused(repo, [...site, '--out', path.join(outside, 'site-ledger'), '--force'], 'site-ledger', outside);
    expectRefused(repo, ['site', ...AS_OF, '--out', '.git', '--force'], '.git');
    expectRefused(repo, ['site', ...AS_OF, '--out', '.git/site', '--force'], '.git/site');
  });

  it('site --force into a folder it did not make adds pages but replaces none of its files', () => {
    const repo = ledgerRepo();
    const out = tempDir({ 'index.html': '<p>the office home page</p>', 'notes.txt': 'keep' });
    const run = runCli(['site', ...AS_OF, '--root', repo.dir, '--out', out, '--force'], out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(out);
    expect(run.stderr).toContain('index.html');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<p>the office home page</p>');
    expect(readdirSync(out).sort()).toEqual(['index.html', 'notes.txt']);
  });

  it('a staging folder left by a crashed build is removed, never published', () => {
    const repo = ledgerRepo();
    const out = path.join(tempDir(), 'site');
    expect(runCli(['site', ...AS_OF, '--root', repo.dir, '--out', out], repo.dir).code).toBe(0);
    const crashed = path.join(out, '.ledger-site-staging-999999999');
    mkdirSync(path.join(crashed, 'units'), { recursive: true });
    writeFileSync(path.join(crashed, 'units', 'draft.html'), 'half a build');
    const again = runCli(['site', ...AS_OF, '--root', repo.dir, '--out', out], repo.dir);
    expect(again.code).toBe(0);
    expect(existsSync(crashed)).toBe(false);
    expect(readdirSync(out).filter((name) => name.startsWith('.ledger-site-'))).toEqual([]);
  });

  it('template --force replaces its own form, never another file', () => {
    const repo = ledgerRepo();
    const args = ['template', '--unit', '市公安局', '--month', '2020-08'];
    writeFileSync(path.join(repo.dir, 'README.md'), '# 台账\n');
    repo.commit('说明');
    const refused = runCli([...args, '--out', 'README.md', '--force'], repo.dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('README.md');
    expect(refused.stderr).toContain('不是报送表');
    expect(readFileSync(path.join(repo.dir, 'README.md'), 'utf8')).toBe('# 台账\n');
    expect(runCli([...args, '--out', 'form.yaml'], repo.dir).code).toBe(0);
    expect(runCli([...args, '--out', 'form.yaml', '--force'], repo.dir).code).toBe(0);
    expect(runCli(args, repo.dir).code).toBe(0);
    expect(runCli([...args, '--force'], repo.dir).code).toBe(0);
    expect(existsSync(path.join(repo.dir, 'reports/2020-08/市公安局.yaml'))).toBe(true);
  });
});
