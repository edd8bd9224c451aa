import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeSync,
  type BigIntStats,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { removeQuietly, type FileWrite } from './atomic-file.js';
import { describeFsError, isFsError } from './describe-fs-error.js';
import { acquireWriteLock, lockHolder, stateDir } from './write-lock.js';

/**
 * Writes to the repository that survive a crash. Every write of ledger files goes through one
 * session: the write lock is held, an interrupted earlier write is finished first, and the files
 * are stamped when the session starts so that a file changed behind our back is not overwritten.
 * Several files are written in three steps: (1) each new content to a temporary file in the state
 * folder (`.git/ledger-tmp/`, never inside ledger/, so `git add` never sees it); (2) a journal of
 * the intended renames (the commit point); (3) the renames. A crash before (2) leaves every file
 * old (the temporaries are removed next time); after it, the next command finishes the renames,
 * so every file ends new. See docs/safety.md.
 */

const JOURNAL = 'journal.json';

interface Journal {
  renames: { from: string; to: string }[];
  removes: string[];
}

export interface WriteSession {
  readonly root: string;
  /** Each file's stamp when the session started (absent files have none). */
  readonly stamps: ReadonlyMap<string, string>;
}

/** The folder of temporaries and the journal. */
export function tempFolder(root: string): string {
  const { dir, inGit } = stateDir(root);
  return path.join(dir, inGit ? 'ledger-tmp' : '.ledger-tmp');
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
 * still writing; it finishes itself). Returns the files it completed.
 */
export function recoverIfInterrupted(root: string): string[] {
  if (!hasJournalOrTemporaries(root) || lockHolder(root)) return [];
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

/**
 * Writes `writes` and deletes `remove` (absolute paths inside `root`) as one recoverable step.
 * Refuses, writing nothing, when a target changed since the session started.
 */
/** A file to write; content may be computed when its turn comes, so that only one file's text is held at a time. */
export interface RepoFileWrite extends Omit<FileWrite, 'content'> {
  content: FileWrite['content'] | (() => FileWrite['content']);
}

export function writeRepoFiles(
  session: WriteSession,
  writes: readonly RepoFileWrite[],
  remove: readonly string[] = [],
  unchanged = '未写入任何文件',
): void {
  refuseChanged(session, [...writes.map((w) => w.path), ...remove], unchanged);
  refuseUnwritable([...writes.map((w) => w.path), ...remove], unchanged);
  const folder = tempFolder(session.root);
  const journal: Journal = { renames: [], removes: [...remove] };
  let current = '';
  try {
    mkdirSync(folder, { recursive: true });
    for (const [i, write] of writes.entries()) {
      current = write.path;
      if (lstatQuiet(write.path)?.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      mkdirSync(path.dirname(write.path), { recursive: true });
      const temporary = path.join(folder, `${process.pid}-${i}.new`);
      journal.renames.push({ from: temporary, to: write.path });
      writeDurably(temporary, typeof write.content === 'function' ? write.content() : write.content);
    }
    current = path.join(folder, JOURNAL);
    writeDurably(`${current}.${process.pid}.tmp`, JSON.stringify(journal));
    renameSync(`${current}.${process.pid}.tmp`, current);
  } catch (error) {
    for (const { from } of journal.renames) removeQuietly(from);
    removeQuietly(path.join(folder, `${JOURNAL}.${process.pid}.tmp`));
    if (!isFsError(error)) throw error;
    throw new UsageError(`${describeFsError(error, current)}；${unchanged}`);
  }
  applyJournal(folder, journal);
}

/** Finishes a journaled write (every file new) or removes uncommitted temporaries (every file old). */
export function recoverInterruptedWrite(root: string): string[] {
  const folder = tempFolder(root);
  const names = listQuiet(folder);
  if (names.length === 0) return [];
  let done: string[] = [];
  if (names.includes(JOURNAL)) {
    const journal = readJournal(path.join(folder, JOURNAL));
    if (journal) {
      applyJournal(folder, journal, false);
      done = journal.renames.map((r) => r.to);
    } else rmSync(path.join(folder, JOURNAL), { force: true });
  }
  for (const name of listQuiet(folder)) removeQuietly(path.join(folder, name));
  return done;
}

function applyJournal(folder: string, journal: Journal, crashHook = true): void {
  const crashAfter = crashHook ? Number(process.env.LEDGER_TEST_CRASH_AFTER_RENAME ?? NaN) : NaN;
  journal.renames.forEach(({ from, to }, i) => {
    if (lstatQuiet(from)) renameRefused(from, to);
    if (i + 1 === crashAfter) process.kill(process.pid, 'SIGKILL');
  });
  for (const file of journal.removes) rmSync(file, { force: true });
  rmSync(path.join(folder, JOURNAL), { force: true });
  try {
    rmdirSync(folder);
  } catch {
    // Another command's temporaries are still there, or the folder is already gone.
  }
}

function renameRefused(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if (!isFsError(error)) throw error;
    throw new UsageError(
      describeFsError(error, to),
      `写入中断：已记录在 ${path.dirname(from)}/${JOURNAL}，排除问题后运行任一 ledger 命令即可完成写入`,
    );
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

function hasJournalOrTemporaries(root: string): boolean {
  return listQuiet(tempFolder(root)).length > 0;
}

function writeDurably(file: string, content: string | Uint8Array): void {
  const fd = openSync(file, 'w');
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readJournal(file: string): Journal | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Journal;
    return Array.isArray(value.renames) && Array.isArray(value.removes) ? value : undefined;
  } catch {
    return undefined;
  }
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
