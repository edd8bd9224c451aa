import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree, tempDir } from '../helpers/temp-dir.js';

const GOOD = {
  'reports/2020-07/市审批局.yaml': reportYaml('市审批局', '2020-07', entry('1.1.2', '推进中', '已优化流程')),
};
const noCrash = (stderr: string) =>
  expect(stderr).not.toMatch(/内部错误|Maximum call stack|ELOOP|EISDIR|at .*\.js:\d+/);

describe('ledger merge only walks reports/', () => {
  it('refuses the repository root: node_modules and .git are never read', () => {
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      ...GOOD,
      'node_modules/pkg/a.yaml': 'x: 1',
      '.git/config.yaml': 'y: 2',
    });
    const before = snapshotTree(root);
    const run = runCli(['merge', '.', '--as-of', '2020-07-25'], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('请给出 reports/ 下的报送文件、月份文件夹或 reports/ 本身');
    noCrash(run.stderr);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('refuses a folder outside the ledger that holds a symbolic-link loop', () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA, ...GOOD });
    const elsewhere = tempDir({ 'a.yaml': 'x: 1' });
    symlinkSync('.', path.join(elsewhere, 'self'));
    const run = runCli(['merge', elsewhere, '--as-of', '2020-07-25'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('请给出 reports/ 下的报送文件');
    noCrash(run.stderr);
  });

  it('lists symbolic links under the merged folder as stray files instead of following them', () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA, ...GOOD });
    symlinkSync('loop', path.join(root, 'reports/2020-07/loop'));
    symlinkSync('..', path.join(root, 'reports/2020-07/up'));
    const run = runCli(['merge', 'reports/2020-07', '--as-of', '2020-07-25'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('reports/2020-07/loop: 错误 [file/symlink]');
    expect(run.stdout).toContain('reports/2020-07/up: 错误 [file/symlink]');
    noCrash(run.stderr);
  });

  it('a symbolic-link loop given by name is a usage error', () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA, ...GOOD });
    symlinkSync('x.yaml', path.join(root, 'x.yaml'));
    const run = runCli(['merge', 'x.yaml', '--as-of', '2020-07-25'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('拒绝读取 x.yaml：x.yaml 是符号链接');
    noCrash(run.stderr);
  });

  it('still merges reports/ itself, a month folder, and a form given from inside reports/', () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA, ...GOOD });
    expect(runCli(['merge', '.', '--dry-run', '--as-of', '2020-07-25'], path.join(root, 'reports/2020-07')).code).toBe(
      0,
    );
    expect(runCli(['merge', 'reports', '--as-of', '2020-07-25'], root).code).toBe(0);
  });
});

describe('ledger template --out', () => {
  it('an existing folder is a usage error, even with --force', () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    mkdirSync(path.join(root, 'forms'));
    for (const format of ['yaml', 'xlsx']) {
      const run = runCli(
        ['template', '--unit', '市公安局', '--month', '2020-07', '--format', format, '--out', 'forms', '--force'],
        root,
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('是一个目录');
      noCrash(run.stderr);
    }
  });
});
