import { accessSync, constants, lstatSync, mkdirSync, readdirSync, type BigIntStats, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { modeOf, removeQuietly, replaceFile, writeDurably, type FileWrite } from './atomic-file.js';
import { describeFsError, isFsError } from './describe-fs-error.js';
import { LINK_HINT, relativeInside } from './repo-path.js';
import { ensureStatePath, STATE } from './state-dir.js';
import { acquireWriteLock, lockHolder } from './write-lock.js';
import {
  applyJournal,
  hasInterruptedWrite,
  JOURNAL,
  journalText,
  recoverInterruptedWrite,
  targetProblem,
  tempFolder,
  temporaryPath,
  type Journal,
} from './write-journal.js';

/**
 * Writes to the repository that survive a crash. Every write of ledger files goes through one
 * session: the write lock is held, an interrupted earlier write is finished first, and the files
 * are stamped when the session starts so that a file changed behind our back is not overwritten.
 * Several files are written in three steps: (1) each new content to a temporary file in the state
 * folder (`<git-dir>/ledger/tmp/`, never inside ledger/, so `git add` never sees it); (2) a journal
 * of the intended renames, paths relative to the root (the commit point, write-journal.ts); (3) the
 * renames. A crash before (2) leaves every file old (the temporaries are removed next time); after
 * it, the next command finishes the renames, so every file ends new. See docs/safety.md.
 */

export interface WriteSession {
  readonly root: string;
  /** Each file's stamp when the session started (absent files have none). */
  readonly stamps: ReadonlyMap<string, string>;
}

/** Runs `action` holding the write lock, after finishing any interrupted write; sync or async. */
export function withWriteSession<T>(root: string, command: string, action: (session: WriteSession) => T): T {
  const release = acquireWriteLock(root, command);
  let result: T;
  try {
    recoverInterruptedWrite(root);
    result = action({ root, stamps: stampFiles(root) });
  } catch (error) {
    release();
    throw error;
  }
  if (result instanceof Promise) return result.finally(release) as T;
  release();
  return result;
}

/**
 * For readers: finishes an interrupted write when no live command holds the lock (a live one is
 * still writing; it finishes itself). Returns the files it completed. A journal that names a path
 * outside the repository is refused with a UsageError, and nothing is done.
 */
export function recoverIfInterrupted(root: string): string[] {
  if (!hasInterruptedWrite(root) || lockHolder(root)) return [];
  let release: () => void;
  try {
    release = acquireWriteLock(root, 'ledger（恢复中断的写入）', { LEDGER_LOCK_WAIT_MS: '0' });
  } catch {
    return [];
  }
  try {
    return recoverInterruptedWrite(root);
  } finally {
    release();
  }
}

/** A file to write; content may be computed when its turn comes, so that only one file's text is held at a time. */
export interface RepoFileWrite extends Omit<FileWrite, 'content'> {
  content: FileWrite['content'] | (() => FileWrite['content']);
}

/**
 * Writes `writes` and deletes `remove` (absolute paths inside `root`) as one recoverable step.
 * Refuses, writing nothing, when a target changed since the session started.
 */
export function writeRepoFiles(
  session: WriteSession,
  writes: readonly RepoFileWrite[],
  remove: readonly string[] = [],
  unchanged = '未写入任何文件',
): void {
  const targets = [...writes.map((w) => w.path), ...remove];
  refuseOutside(session.root, targets, unchanged);
  refuseChanged(session, targets, unchanged);
  refuseUnwritable(targets, unchanged);
  const folder = tempFolder(session.root);
  const journal: Journal = { renames: [], removes: [...remove] };
  let current = '';
  try {
    ensureStatePath(session.root, STATE.write);
    for (const [i, write] of writes.entries()) {
      current = write.path;
      if (lstatQuiet(write.path)?.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      mkdirSync(path.dirname(write.path), { recursive: true });
      journal.renames.push({ from: temporaryPath(folder, i), to: write.path });
      const content = typeof write.content === 'function' ? write.content() : write.content;
      writeDurably(temporaryPath(folder, i), content, modeOf(write.path));
    }
    current = path.join(folder, JOURNAL);
    replaceFile(current, journalText(session.root, journal));
  } catch (error) {
    for (const { from } of journal.renames) removeQuietly(from);
    if (!isFsError(error)) throw error;
    throw new UsageError(`${describeFsError(error, current)}；${unchanged}`);
  }
  applyJournal(folder, journal);
}

/** Every target lies in the repository, through no link and not in .git: what a journal may name. */
function refuseOutside(root: string, targets: readonly string[], unchanged: string): void {
  for (const target of targets) {
    const rel = relativeInside(root, target);
    const problem = rel === undefined ? `${target} 不在台账仓库 ${root} 之内` : targetProblem(root, rel);
    if (problem) throw new UsageError(`拒绝写入 ${rel ?? target}：${problem}；${unchanged}`, LINK_HINT);
  }
}

/** A folder that cannot be written is found before anything is staged, and named by its target file. */
function refuseUnwritable(targets: readonly string[], unchanged: string): void {
  for (const target of targets) {
    let dir = path.dirname(target);
    while (!lstatQuiet(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    try {
      accessSync(dir, constants.W_OK);
    } catch (error) {
      if (!isFsError(error)) throw error;
      throw new UsageError(`${describeFsError(error, target)}；${unchanged}`);
    }
  }
}

function refuseChanged(session: WriteSession, targets: readonly string[], unchanged: string): void {
  for (const target of targets) {
    const shown = path.relative(session.root, target).split(path.sep).join('/');
    if (!/^(ledger|reports)\//.test(shown)) continue;
    if (stampOf(target) === session.stamps.get(target)) continue;
    throw new UsageError(
      `${shown} 在本命令读取之后被修改或新建了（可能有人正在编辑它）；为避免覆盖别人的修改，${unchanged}`,
      '保存或放弃那边的修改后重新运行本命令',
    );
  }
}

/** Stamps of the files under ledger/ and reports/ (and CODEOWNERS), by absolute path. */
function stampFiles(root: string): Map<string, string> {
  const stamps = new Map<string, string>();
  const walk = (dir: string, depth: number) => {
    for (const name of listQuiet(dir)) {
      const file = path.join(dir, name);
      const stat = lstatQuiet(file);
      if (stat?.isDirectory() && depth > 0) walk(file, depth - 1);
      else if (stat) stamps.set(file, stampOf(file)!);
    }
  };
  walk(path.join(root, 'ledger'), 0);
  walk(path.join(root, 'reports'), 2);
  return stamps;
}

function stampOf(file: string): string | undefined {
  const stat = bigStat(file);
  return stat ? `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}` : undefined;
}

function listQuiet(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function lstatQuiet(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function bigStat(file: string): BigIntStats | undefined {
  try {
    return lstatSync(file, { bigint: true });
  } catch {
    return undefined;
  }
}
