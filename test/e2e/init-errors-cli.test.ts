import { chmodSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const linux = process.platform === 'linux';
const root = typeof process.getuid === 'function' && process.getuid() === 0;

function expectIoError(args: string[], cwd: string, reason: string) {
  const run = runCli(['init', ...args], cwd);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toContain(`无法建立 ${path.resolve(cwd, args[0]!)}`);
  expect(run.stderr).toContain(reason);
  expect(run.stderr).not.toMatch(/内部错误|ENOENT|EACCES|EPERM|mkdtemp/);
  return run;
}

describe('ledger init: a folder it cannot create is an I/O error in Chinese (exit 2)', () => {
  it.runIf(linux)('a place where no folder can be made (/proc)', () => {
    expectIoError(['/proc/foo'], tempDir(), '/proc 中不能建立文件夹');
  });

  it.runIf(linux)('no permission (/sys)', () => {
    expectIoError(['/sys/foo'], tempDir(), '没有权限');
  });

  it.runIf(!root)('no permission (a read-only folder)', () => {
    const parent = tempDir({ 'locked/.keep': '' });
    chmodSync(path.join(parent, 'locked'), 0o555);
    try {
      expectIoError(['locked/台账'], parent, '没有权限');
    } finally {
      chmodSync(path.join(parent, 'locked'), 0o755);
    }
  });

  it('a missing parent folder, and a parent that is a file; nothing is left behind', () => {
    const parent = tempDir({ 'notes.txt': 'x' });
    const missing = expectIoError(['a/b/台账'], parent, '上级文件夹');
    expect(missing.stderr).toContain('mkdir -p');
    expectIoError(['notes.txt/台账'], parent, '不是文件夹');
    expect(readdirSync(parent)).toEqual(['notes.txt']);
  });
});
