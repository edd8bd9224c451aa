import { closeSync, existsSync, lstatSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import { UsageError } from '../errors.js';
import { ensureStatePath, removeStateDirIfEmpty, STATE, statePath } from './state-dir.js';

/**
 * Commands that write the ledger are serialised by one lock file, `write.lock` in the state folder
 * (state-dir.ts: `<git-dir>/ledger/`, outside Git `.ledger/` at the root). It holds the holder's pid, command and start time; a lock whose
 * process is gone is stale and taken over. A command waits a little for a live holder, then stops
 * with a message naming it. See docs/safety.md.
 */

export interface LockHolder {
  pid: number;
  command: string;
  started: string;
  host: string;
}

/** How long a writer waits for another one to finish (LEDGER_LOCK_WAIT_MS overrides). */
const DEFAULT_WAIT_MS = 30_000;
const POLL_MS = 50;

export function lockPath(root: string): string {
  return statePath(root, STATE.lock);
}

/** Takes the write lock for `command`; the returned function releases it. */
export function acquireWriteLock(root: string, command: string, env: NodeJS.ProcessEnv = process.env): () => void {
  const file = lockPath(root);
  const waitMs = Number(env.LEDGER_LOCK_WAIT_MS ?? DEFAULT_WAIT_MS);
  const deadline = Date.now() + (Number.isFinite(waitMs) ? waitMs : DEFAULT_WAIT_MS);
  for (;;) {
    const created = tryCreate(root, file, command);
    if (created === 'read-only') return () => undefined;
    if (created) return () => release(root, file);
    refuseOddLock(file);
    const holder = readHolder(file);
    if (holder === undefined || !isAlive(holder)) {
      // Stale (the holder died) or unreadable half-written: take it over.
      if (holder === undefined && recentlyWritten(file)) {
        sleep(POLL_MS);
        continue;
      }
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw heldError(file, holder);
    sleep(POLL_MS);
  }
}

/** The live holder of the lock, if any (a stale lock counts as none). */
export function lockHolder(root: string): LockHolder | undefined {
  const holder = readHolder(lockPath(root));
  return holder && isAlive(holder) ? holder : undefined;
}

/**
 * false when the lock exists; 'read-only' when the folder cannot be written at all: then nobody can
 * write there through this tool either, and the write itself fails with a message naming its file.
 */
function tryCreate(root: string, file: string, command: string): boolean | 'read-only' {
  let fd: number;
  try {
    ensureStatePath(root);
    fd = openSync(file, 'wx');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'read-only';
    throw new UsageError(
      `无法建立写入锁 ${file}（${(error as NodeJS.ErrnoException).code ?? String(error)}）；未写入任何文件`,
      '检查仓库是否可写',
    );
  }
  const holder: LockHolder = { pid: process.pid, command, started: new Date().toISOString(), host: os.hostname() };
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function release(root: string, file: string): void {
  const holder = readHolder(file);
  if (holder?.pid === process.pid) rmSync(file, { force: true });
  removeStateDirIfEmpty(root);
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid !== 'number') return undefined;
    return {
      pid: value.pid,
      command: String(value.command ?? '?'),
      started: String(value.started ?? '?'),
      host: String(value.host ?? ''),
    };
  } catch {
    return undefined;
  }
}

/** A lock from another machine (a shared folder) cannot be checked: it counts as alive. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host && holder.host !== os.hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock file being written right now has no content yet for a moment. */
function recentlyWritten(file: string): boolean {
  try {
    return existsSync(file) && Date.now() - statSync(file).mtimeMs < 1000;
  } catch {
    return false;
  }
}

function heldError(file: string, holder: LockHolder): UsageError {
  return new UsageError(
    `台账正被另一个命令修改：${holder.command}（进程 ${holder.pid}，${holder.started} 开始）；为避免互相覆盖，本命令未写入任何文件`,
    `等它结束后重新运行；如确认没有其他 ledger 命令在运行，删除锁文件 ${file}`,
  );
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A lock that is a folder, a link or a pipe was not made by ledger: named, never removed or followed. */
function refuseOddLock(file: string): void {
  const stat = lstatSync(file, { throwIfNoEntry: false });
  if (!stat || stat.isFile()) return;
  const kind = stat.isDirectory() ? '文件夹' : stat.isSymbolicLink() ? '符号链接' : '特殊文件';
  throw new UsageError(
    `写入锁 ${file} 是${kind}，不是 ledger 建立的锁文件；未写入任何文件`,
    `确认没有 ledger 命令正在运行后删除它：rm -r '${file}'`,
  );
}
