import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesAt } from '../../src/io/git.js';
import { LedgerRevisions } from '../../src/io/ledger-revisions.js';
import { tempGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree, tempDir } from '../helpers/temp-dir.js';

/** Issue 10, case 1: links out of the repository are never followed, by any command, in any format. */

const AREA = 'ledger/01-持续深化商事制度改革.yaml';
const SECRET = 'hunter2-ci-secret';
const ENV = { CI_DEPLOY_TOKEN: SECRET };

/** A file outside the repository that would leak if read: YAML keys and values that messages would quote. */
function secretFile(): string {
  const file = path.join(
    tempDir({ 'secret.yaml': `${SECRET}: ${SECRET}\nunits:\n  - name: ${SECRET}\n` }),
    'secret.yaml',
  );
  return file;
}

function prRepo(): GitRepo {
  const repo = tempGitRepo();
  repo.commit(
    '导入台账',
    { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA, 'reports/.gitkeep': '' },
    { date: '2020-06-01T09:00:00+08:00' },
  );
  repo.git('checkout', '-q', '-b', 'pr');
  return repo;
}

const READING_COMMANDS = [
  ['validate'],
  ['status'],
  ['overdue'],
  ['show', '1.1.1'],
  ['missing', '--month', '2020-07'],
  ['render', '--format', 'md', '--out', '-'],
  ['summary', '--month', '2020-07', '--format', 'md', '--out', '-'],
  ['history', '1.1.1'],
  ['log'],
  ['check', '--base', 'main'],
];

function expectNoLeak(run: { stdout: string; stderr: string }): void {
  expect(run.stdout + run.stderr).not.toContain(SECRET);
  expect(run.stdout + run.stderr).not.toContain('内部错误');
}

describe('links out of the repository', { timeout: 240_000 }, () => {
  it('a pull request adding ledger/15-x.yaml -> /proc/self/environ prints nothing of the environment', () => {
    const repo = prRepo();
    symlinkSync('/proc/self/environ', path.join(repo.dir, 'ledger/15-x.yaml'));
    repo.commit('加一个指标', {}, { date: '2020-06-02T09:00:00+08:00' });
    for (const format of ['text', 'json', 'markdown', 'github']) {
      const run = runCli(['check', '--base', 'main', '--format', format], repo.dir, ENV);
      expect(run.code, format).toBe(1);
      expectNoLeak(run);
      expect(run.stdout).toContain('ledger/15-x.yaml');
      expect(run.stdout).toContain('ledger/15-x.yaml 是符号链接');
    }
    for (const args of READING_COMMANDS) {
      const run = runCli(args, repo.dir, ENV);
      expectNoLeak(run);
      expect(run.code, args.join(' ')).not.toBe(2);
    }
    const validate = runCli(['validate'], repo.dir, ENV);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('拒绝读取 ledger/15-x.yaml：ledger/15-x.yaml 是符号链接');
  });

  it('a linked units.yaml or config.yaml is refused and named, never read', () => {
    for (const name of ['units.yaml', 'config.yaml']) {
      const repo = prRepo();
      const file = path.join(repo.dir, 'ledger', name);
      rmSync(file, { force: true });
      symlinkSync(secretFile(), file);
      for (const args of [['status'], ['check', '--base', 'main', '--format', 'markdown']]) {
        const run = runCli(args, repo.dir, ENV);
        expectNoLeak(run);
      }
      const validate = runCli(['validate', '--format', 'json'], repo.dir, ENV);
      expect(validate.code).toBe(1);
      expect(validate.stdout).toContain(`ledger/${name} 是符号链接`);
    }
  });

  it('a top-level reports that is a link, or a regular file, is a clear error in every command', () => {
    const outside = tempDir({ [`2020-07/${SECRET}.yaml`]: `${SECRET}: 1\n` });
    for (const make of [
      (dir: string) => symlinkSync(outside, path.join(dir, 'reports')),
      (dir: string) => writeFileSync(path.join(dir, 'reports'), `${SECRET}\n`),
    ]) {
      const repo = prRepo();
      rmSync(path.join(repo.dir, 'reports'), { recursive: true });
      make(repo.dir);
      for (const args of READING_COMMANDS.filter((a) => ['validate', 'status', 'missing', 'check'].includes(a[0]!))) {
        const run = runCli(args, repo.dir, ENV);
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stderr).toMatch(/reports (是符号链接|不是文件夹)/);
        expectNoLeak(run);
      }
    }
  });

  it('merge never writes through a linked month folder (reports/2020-07 -> ../ledger)', () => {
    const repo = prRepo();
    symlinkSync('../ledger', path.join(repo.dir, 'reports/2020-07'));
    const form = path.join(
      tempDir({
        'form.yaml':
          'unit: 市中级人民法院\nmonth: 2020-07\nentries:\n  - id: 1.2.2\n    status: 推进中\n    progress: 已起草\n',
      }),
      'form.yaml',
    );
    const before = snapshotTree(path.join(repo.dir, 'ledger'));
    const run = runCli(['merge', form, '--as-of', '2020-08-01'], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('reports/2020-07/市中级人民法院.yaml');
    expect(run.stdout).toContain('路径中的 reports/2020-07 是符号链接');
    expect(snapshotTree(path.join(repo.dir, 'ledger'))).toEqual(before);
    const given = runCli(['merge', 'reports/2020-07', '--as-of', '2020-08-01'], repo.dir);
    expect(given.code).toBe(2);
    expect(given.stderr).toContain('reports/2020-07 是符号链接');
  });

  it('a linked ledger folder is refused', () => {
    const repo = prRepo();
    const outside = tempDir({ 'units.yaml': BUNDLED_UNITS, '01-x.yaml': `${SECRET}: 1\n` });
    rmSync(path.join(repo.dir, 'ledger'), { recursive: true });
    symlinkSync(outside, path.join(repo.dir, 'ledger'));
    const run = runCli(['validate'], repo.dir, ENV);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ledger 是符号链接');
    expectNoLeak(run);
  });

  it('render --out and summary --out refuse ledger/ and reports/', () => {
    const repo = prRepo();
    mkdirSync(path.join(repo.dir, 'reports/2020-07'), { recursive: true });
    const before = snapshotTree(repo.dir);
    for (const args of [
      ['render', '--format', 'md', '--out', AREA],
      ['summary', '--month', '2020-07', '--format', 'md', '--out', 'reports/2020-07/汇总.md'],
    ]) {
      const run = runCli(args, repo.dir);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/拒绝写入 --out .*(ledger\/ 只放台账文件|reports\/ 只放报送文件)/);
    }
    expect(snapshotTree(repo.dir)).toEqual(before);
  });

  it('a symbolic link committed in Git (mode 120000) is named in that revision, never read', async () => {
    const repo = prRepo();
    symlinkSync('/proc/self/environ', path.join(repo.dir, 'ledger/15-x.yaml'));
    repo.commit('link');
    expect(repo.git('ls-tree', 'HEAD', 'ledger/15-x.yaml')).toMatch(/^120000 /);
    const files = await filesAt(repo.dir, 'HEAD', ['ledger']);
    expect(files).toContain(AREA);
    expect(files).not.toContain('ledger/15-x.yaml');
    const revisions = new LedgerRevisions(repo.dir);
    try {
      const atHead = await revisions.files(repo.git('rev-parse', 'HEAD').trim());
      // Issue 25: listed, so that it is named (file/symlink), but never read.
      expect(atHead.refused('ledger/15-x.yaml')).toContain('符号链接');
      const parsed = revisions.parse(atHead);
      expect(parsed.ledger.areas.map((a) => a.file)).toEqual([AREA]);
      expect(parsed.diagnostics.filter((d) => d.code === 'file/symlink').map((d) => d.file)).toEqual([
        'ledger/15-x.yaml',
      ]);
      expect(JSON.stringify(parsed.diagnostics)).not.toContain('PATH=');
    } finally {
      revisions.close();
    }
  });
});
