import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFsError } from '../../src/io/describe-fs-error.js';
import { writeFilesAtomically } from '../../src/io/atomic-file.js';
import { REPO_ROOT, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree, tempDir } from '../helpers/temp-dir.js';

function errorOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a file-system error');
}

describe('describeFsError', () => {
  it('names the target in Chinese for real errors', () => {
    const dir = tempDir({ 'a-file': 'x' });
    expect(
      describeFsError(
        errorOf(() => writeFileSync(dir, 'x')),
        'out.yaml',
      ),
    ).toBe('写入失败（是一个目录）：out.yaml');
    expect(
      describeFsError(
        errorOf(() => readFileSync(path.join(dir, 'none'))),
        'none',
        'read',
      ),
    ).toBe('读取失败（文件不存在）：none');
    expect(
      describeFsError(
        errorOf(() => writeFileSync(path.join(dir, 'none/x'), 'x')),
        'x',
      ),
    ).toBe('写入失败（目录不存在）：x');
    expect(
      describeFsError(
        errorOf(() => writeFileSync(path.join(dir, 'a-file/x'), 'x')),
        'x',
      ),
    ).toBe('写入失败（路径中有一段不是目录）：x');
    for (const [code, reason] of [
      ['EACCES', '没有写入权限'],
      ['EPERM', '没有写入权限'],
      ['ENOSPC', '磁盘已满'],
      ['EROFS', '只读文件系统'],
    ]) {
      expect(describeFsError(Object.assign(new Error(code!), { code }), '台账.xlsx')).toBe(
        `写入失败（${reason}）：台账.xlsx`,
      );
    }
  });

  it('writeFilesAtomically names the target, not its temporary, and lets the caller say what is unchanged', () => {
    const dir = tempDir({ 'ledger/a.yaml': 'old' });
    mkdirSync(path.join(dir, 'ledger/b.yaml'));
    const target = path.join(dir, 'ledger/b.yaml');
    const error = errorOf(() =>
      writeFilesAtomically(
        [
          { path: path.join(dir, 'ledger/a.yaml'), content: 'new' },
          { path: target, content: 'x' },
        ],
        '台账未作任何修改',
      ),
    );
    expect((error as Error).message).toBe(`写入失败（是一个目录）：${target}；台账未作任何修改`);
    expect(readFileSync(path.join(dir, 'ledger/a.yaml'), 'utf8')).toBe('old');
    expect(readdirSync(path.join(dir, 'ledger')).sort()).toEqual(['a.yaml', 'b.yaml']);
  });
});

const NOBODY = { uid: 65534, gid: 65534 };

/**
 * root ignores file modes, so as root the permission test runs the CLI as nobody (uid 65534). That only works
 * when nobody can enter the folder holding this repository; otherwise the test is skipped, saying why.
 */
function whyNobodyCannotRun(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const probe = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/ledger'), '--version'], {
    encoding: 'utf8',
    ...NOBODY,
  });
  return probe.status === 0
    ? undefined
    : `以 root 运行时需以 uid 65534 运行命令行，但该用户无法运行 ${REPO_ROOT}/bin/ledger（仓库所在文件夹不允许其他用户进入）`;
}

const SKIP_PERMISSION_TEST = whyNobodyCannotRun();
const PERMISSION_TEST =
  'merge without write permission on ledger/: Chinese, names the ledger file, exit 2, nothing changed';

describe('write failures on the command line', () => {
  (SKIP_PERMISSION_TEST ? it.skip : it)(
    SKIP_PERMISSION_TEST ? `${PERMISSION_TEST}（跳过：${SKIP_PERMISSION_TEST}）` : PERMISSION_TEST,
    () => {
      const root = tempLedger({
        [AREA_FILE]: SMALL_AREA,
        'reports/2020-07/市审批局.yaml': reportYaml('市审批局', '2020-07', entry('1.1.2', '推进中', '已优化流程')),
      });
      chmodSync(root, 0o755);
      chmodSync(path.join(root, 'ledger'), 0o555);
      const before = snapshotTree(root);
      // root ignores file modes: run the CLI as nobody then.
      const asUser = process.getuid?.() === 0 ? NOBODY : {};
      const run = spawnSync(
        process.execPath,
        [path.join(REPO_ROOT, 'bin/ledger'), 'merge', 'reports/2020-07', '--as-of', '2020-07-25'],
        {
          cwd: root,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', HOME: root },
          ...asUser,
        },
      );
      chmodSync(path.join(root, 'ledger'), 0o755);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`错误：写入失败（没有写入权限）：${path.join(root, AREA_FILE)}；台账未作任何修改`);
      expect(run.stderr).not.toMatch(/EACCES|\.tmp|permission denied/);
      expect(snapshotTree(root)).toEqual(before);
    },
  );

  it('template --out into a place that cannot be written does not claim the ledger was untouched', () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const run = runCli(['template', '--unit', '市公安局', '--month', '2020-07', '--out', '/proc/x.yaml'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('错误：写入失败（目录不存在）：/proc/x.yaml；未写入任何文件');
    expect(run.stderr).not.toMatch(/台账未作任何修改|ENOENT|\.tmp/);
  });
});
