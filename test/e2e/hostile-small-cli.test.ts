import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, REPO_ROOT, replaceOrThrow, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree, tempDir } from '../helpers/temp-dir.js';

/** Issue 25, item 8: the smaller cases, each with a clear message naming what is wrong. */

const SECOND_AREA = 'ledger/02-第二个指标.yaml';
const SECOND = SMALL_AREA.replace('area: 1', 'area: 2')
  .replaceAll('"1.', '"2.')
  .replace('持续深化商事制度改革', '第二个指标');

function ledgerRepo(): GitRepo {
  const repo = tempGitRepo();
  repo.commit(
    '导入台账',
    { 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA, [SECOND_AREA]: SECOND, 'reports/.gitkeep': '' },
    { date: '2020-06-01T09:00:00+08:00' },
  );
  return repo;
}

/** Every line a CI log would read as a workflow command is absent. */
function expectNoWorkflowCommand(output: string): void {
  for (const line of output.split('\n')) expect(line.trimStart().startsWith('::'), line).toBe(false);
}

describe('smaller hostile cases', { timeout: 180_000 }, () => {
  it('a write lock that is a folder is named, not an internal error; nothing is written', () => {
    const repo = ledgerRepo();
    mkdirSync(path.join(repo.dir, '.git/ledger/write.lock'), { recursive: true });
    const before = snapshotTree(repo.dir);
    const run = runCli(['template', '--unit', '市公安局', '--month', '2020-08'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.git/ledger/write.lock 是文件夹');
    expect(run.stderr).not.toContain('内部错误');
    expect(snapshotTree(repo.dir)).toEqual(before);
  });

  it('notice --by, verify --reason and extend --reason with a line break are refused before anything is echoed', () => {
    const repo = ledgerRepo();
    const evil = '督查室\n::error file=x::pwned';
    for (const args of [
      ['notice', '--as-of', '2020-08-25', '--by', evil],
      ['notice', '--as-of', '2020-08-25', '--issue', '--by', evil],
      ['verify', '1.1.2', '--unit', '市公安局', '--reject', '--reason', evil],
      ['extend', '1.1.2', '--unit', '市公安局', '--approve', '--reason', evil],
    ]) {
      const before = snapshotTree(repo.dir);
      const run = runCli(args, repo.dir);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('U+000A');
      expectNoWorkflowCommand(run.stdout + run.stderr);
      expect(snapshotTree(repo.dir)).toEqual(before);
    }
  });

  it('.nan and 1e400 where a number belongs are described as such, not as “数字 null”', () => {
    for (const [value, said] of [
      ['.nan', '非数字'],
      ['1e400', '超出范围的数字'],
    ]) {
      const area = replaceOrThrow(SMALL_AREA, 'area: 1', `area: ${value}`);
      const root = tempLedger({ [AREA_FILE]: area });
      const run = runCli(['validate'], root);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(AREA_FILE);
      expect(run.stdout).toContain(said);
      expect(run.stdout).not.toContain('数字 null');
    }
  });

  it('--within 99999999999999999999 is refused, echoing what was typed', () => {
    const root = tempLedger();
    const run = runCli(['status', '--within', '99999999999999999999'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('99999999999999999999');
    expect(run.stderr).toContain('太大');
  });

  it('init --tool with a line break or a quote is refused and makes no folder', () => {
    const parent = tempDir();
    for (const tool of ['1.0\n"x', '^0.1.0"', 'git+https://x.example/a.git#v1\u0007']) {
      const target = path.join(parent, 'new');
      const run = runCli(['init', target, '--tool', tool], parent);
      expect(run.code, JSON.stringify(tool)).toBe(2);
      expect(run.stderr).toContain('--tool');
      expect(existsSync(target)).toBe(false);
    }
  });

  it('a historical version whose area file is a symlink or a submodule counts it as an error, not a missing area', () => {
    const repo = ledgerRepo();
    const outside = path.join(tempDir({ 'x.yaml': SECOND }), 'x.yaml');
    renameSync(path.join(repo.dir, SECOND_AREA), path.join(repo.dir, 'moved.yaml'));
    symlinkSync(outside, path.join(repo.dir, SECOND_AREA));
    repo.commit('链接', {}, { date: '2020-06-02T09:00:00+08:00' });
    const run = runCli(['status', '--as-of', '2020-06-03'], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`台账中有 1 处错误（在 ${SECOND_AREA} 中）`);
    // The measure's history says the version was skipped, never that the measure was deleted.
    const history = runCli(['history', '2.1.1'], repo.dir);
    expect(history.stdout + history.stderr).toContain(`${SECOND_AREA} 是符号链接，台账不读取它`);
    expect(history.stdout).not.toContain('删除');
    // A submodule in its place: the same.
    repo.git('rm', '-q', '--cached', SECOND_AREA);
    const commit = repo.git('rev-parse', 'HEAD').trim();
    repo.git('update-index', '--add', '--cacheinfo', `160000,${commit},${SECOND_AREA}`);
    repo.gitWith(
      { GIT_AUTHOR_DATE: '2020-06-04T09:00:00+08:00', GIT_COMMITTER_DATE: '2020-06-04T09:00:00+08:00' },
      'commit',
      '-qm',
      '子模块',
    );
    const sub = runCli(['status', '--as-of', '2020-06-05'], repo.dir);
    expect(sub.code).toBe(1);
    expect(sub.stdout).toContain(`台账中有 1 处错误（在 ${SECOND_AREA} 中）`);
  });

  it('a commit where ledger/ is a symlink is named as such, not “早于建立台账的提交”', () => {
    const repo = ledgerRepo();
    const target = mkdtempSync(path.join(os.tmpdir(), 'ledger-link-'));
    repo.git('rm', '-rq', '--cached', 'ledger');
    renameSync(path.join(repo.dir, 'ledger'), path.join(target, 'ledger'));
    symlinkSync(path.join(target, 'ledger'), path.join(repo.dir, 'ledger'));
    repo.commit('链接台账', {}, { date: '2020-06-02T09:00:00+08:00' });
    // The work tree has a real ledger/ again; the commit of 2020-06-02 still holds the link.
    rmSync(path.join(repo.dir, 'ledger'));
    renameSync(path.join(target, 'ledger'), path.join(repo.dir, 'ledger'));
    const run = runCli(['status', '--as-of', '2020-06-03'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('中的 ledger 是符号链接，不是台账目录');
    expect(run.stderr).not.toContain('早于建立台账的提交');
  });

  it('trees and blobs given as a version are named as such, not “找不到版本”', () => {
    const repo = ledgerRepo();
    const tree = repo.git('rev-parse', 'HEAD^{tree}').trim();
    const blob = repo.git('rev-parse', `HEAD:${AREA_FILE}`).trim();
    for (const [rev, kind] of [
      [tree, '目录树'],
      [blob, '文件内容'],
    ] as const) {
      const run = runCli(['status', '--rev', rev], repo.dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(kind);
      expect(run.stderr).not.toContain('找不到版本');
    }
  });

  it('a folder named 市公安局.yaml in a month folder is refused by merge, never “合并了 0 份报送（）”', () => {
    const root = tempLedger({ 'reports/2020-07/市公安局.yaml/截图.txt': 'x' });
    const before = snapshotTree(root);
    for (const given of ['reports/2020-07', 'reports/2020-07/市公安局.yaml']) {
      const run = runCli(['merge', given], root);
      expect(run.code, given).toBe(2);
      expect(run.stderr).toContain('市公安局.yaml 是文件夹');
      expect(run.stdout).not.toContain('合并了 0 份报送');
    }
    mkdirSync(path.join(root, 'reports/2020-08'));
    const empty = runCli(['merge', 'reports/2020-08'], root);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('没有报送文件');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('running from a deleted working folder is a usage error, not “内部错误 uv_cwd”', () => {
    const root = tempLedger();
    const gone = path.join(tempDir(), 'gone');
    mkdirSync(gone);
    const ledger = path.join(REPO_ROOT, 'bin/ledger');
    const shell = (extra: string) =>
      spawnSync(
        'sh',
        ['-c', `cd "$1" && rmdir "$1" && exec "$2" "$3" status ${extra}`, 'sh', gone, process.execPath, ledger],
        {
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        },
      );
    const run = shell('');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('当前文件夹已被删除');
    expect(run.stderr).not.toContain('内部错误');
    mkdirSync(gone);
    // With an absolute --root the command still works.
    expect(shell(`--root ${root}`).status).toBe(0);
  });

  it('codeowners --out writes like --output (no suggestion of --root)', () => {
    const root = tempLedger();
    const units = replaceOrThrow(BUNDLED_UNITS, '  - name: 市公安局\n', '  - name: 市公安局\n    owner: "@police"\n');
    writeFileSync(path.join(root, 'ledger/units.yaml'), units);
    const run = runCli(['codeowners', '--out', 'OWNERS'], root);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(root, 'OWNERS'))).toBe(true);
    expect(run.stderr).not.toContain('--root');
  });

  it('init into a symlink names the link, not the parent folder', () => {
    const parent = tempDir();
    mkdirSync(path.join(parent, 'real'));
    symlinkSync(path.join(parent, 'real'), path.join(parent, 'link'));
    symlinkSync(path.join(parent, 'nowhere'), path.join(parent, 'dangling'));
    for (const given of ['link', 'dangling']) {
      const run = runCli(['init', given], parent);
      expect(run.code, given).toBe(2);
      expect(run.stderr).toContain(`${given} 是符号链接`);
      expect(run.stderr).not.toContain(`${parent} 不是文件夹`);
    }
  });

  it('check: an area file that fails the schema is reported as such, not as removed measures', () => {
    const repo = ledgerRepo();
    repo.git('checkout', '-q', '-b', 'pr');
    repo.commit('改坏', { [AREA_FILE]: replaceOrThrow(SMALL_AREA, 'area: 1', 'area: "一"') });
    const run = runCli(['check', '--base', 'main'], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${AREA_FILE}:1:7: 错误 [schema/wrong-type]`);
    expect(run.stdout).not.toContain('check/measure-removed');
  });

  it('check: a pull request that only adds a symlink under ledger/ is not typed “不涉及台账”', () => {
    const repo = ledgerRepo();
    repo.git('checkout', '-q', '-b', 'pr');
    symlinkSync('/etc/passwd', path.join(repo.dir, 'ledger/15-x.yaml'));
    repo.commit('链接');
    const run = runCli(['check', '--base', 'main'], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('ledger/15-x.yaml 是符号链接');
    expect(run.stdout).not.toContain('不涉及台账');
    expect(run.stdout).toContain('类型：定义修改');
  });
});
