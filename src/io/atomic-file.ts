import {
  closeSync,
  createWriteStream,
  fchmodSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError } from '../errors.js';
import { describeFsError, isFsError } from './describe-fs-error.js';

/**
 * The one atomic writer. A file is written to a temporary sibling (same folder, so the rename stays
 * on one disk), flushed to disk (fsync), given the mode of the file it replaces, and renamed over
 * it: a reader sees the old file or the new one, never half of one. Several files are all staged
 * before the first rename. A device or pipe (/dev/null, /dev/stdout) is written directly, since a
 * rename would replace it; a folder is refused. Errors name the target, never the temporary, and
 * say what was left unchanged (`unchanged`: the caller knows whether that is the ledger).
 */

export interface FileWrite {
  /** Absolute path. */
  path: string;
  content: string | Uint8Array;
}

const NOT_WRITTEN = '未写入任何文件';

/** Where one file's new content goes first: its temporary sibling, or the file itself (a device). */
interface Target {
  file: string;
  temporary?: string;
  /** The replaced file's permission bits, kept on the new file. */
  mode?: number;
}

/** Writes one file: complete or not at all. */
export function writeFileAtomically(file: string, content: string | Uint8Array, unchanged = NOT_WRITTEN): void {
  writeFilesAtomically([{ path: file, content }], unchanged);
}

/** Writes several files; a failure before the first rename leaves every one of them as it was. */
export function writeFilesAtomically(writes: readonly FileWrite[], unchanged = NOT_WRITTEN): void {
  const staged: Target[] = [];
  let current = '';
  try {
    for (const write of writes) {
      current = write.path;
      const target = prepare(write.path);
      staged.push(target);
      if (target.temporary) writeDurably(target.temporary, write.content, target.mode);
    }
  } catch (error) {
    staged.forEach(discard);
    throw failure(error, current, unchanged);
  }
  renameAll(staged, writes, unchanged);
}

/**
 * Produces `file` from a renderer that writes to a stream (the xlsx renderers), so that a large
 * workbook never sits in memory whole: complete or not at all. The renderer ends the stream.
 */
export async function writeStreamAtomically(file: string, render: (stream: Writable) => Promise<void>): Promise<void> {
  let target: Target | undefined;
  try {
    target = prepare(file);
    await streamTo(target.temporary ?? file, target.temporary ? 'wx' : 'w', render);
    if (!target.temporary) return;
    const fd = openSync(target.temporary, 'r+');
    try {
      seal(fd, target.mode);
    } finally {
      closeSync(fd);
    }
    renameSync(target.temporary, file);
  } catch (error) {
    if (target) discard(target);
    throw failure(error, file, NOT_WRITTEN);
  }
}

/** Writes `content` to a new file (never an existing one, never through a link), flushed to disk. */
export function writeDurably(file: string, content: string | Uint8Array, mode?: number): void {
  const fd = openSync(file, 'wx');
  try {
    writeAll(fd, content);
    seal(fd, mode);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces `file` with `content` through a temporary sibling whatever `file` is now (a link, a
 * pipe: the rename replaces it, nothing is written through it); file-system errors pass through.
 * For the tool's own files: the journal and the caches.
 */
export function replaceFile(file: string, content: string | Uint8Array): void {
  const { temporary, mode } = prepare(file, false);
  try {
    writeDurably(temporary!, content, mode);
    renameSync(temporary!, file);
  } catch (error) {
    removeQuietly(temporary!);
    throw error;
  }
}

/** The permission bits of an existing regular file, to keep on its replacement. */
export function modeOf(file: string): number | undefined {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/** Removes a temporary file, ignoring failure: the error that led here is the one to report. */
export function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // The folder itself is unusable; the error that led here is the one to report.
  }
}

/** Where `file`'s new content goes; `devices`: a device or pipe named by the user is written directly. */
function prepare(file: string, devices = true): Target {
  const stat = (devices ? statSync : lstatSync)(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
  if (devices && stat && !stat.isFile()) return { file };
  mkdirSync(path.dirname(file), { recursive: true });
  // Unique enough with the pid; 'wx' refuses a name that exists (node:crypto would cost status ~20 ms).
  const unique = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${unique}.tmp`);
  return { file, temporary, ...(stat?.isFile() ? { mode: stat.mode & 0o7777 } : {}) };
}

function seal(fd: number, mode: number | undefined): void {
  if (mode !== undefined) fchmodSync(fd, mode);
  fsyncSync(fd);
}

function commit(target: Target, content: string | Uint8Array): void {
  if (target.temporary) renameSync(target.temporary, target.file);
  else writeDirectly(target.file, content);
}

function writeDirectly(file: string, content: string | Uint8Array): void {
  const fd = openSync(file, 'w');
  try {
    writeAll(fd, content);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

function discard(target: Target): void {
  if (target.temporary) removeQuietly(target.temporary);
}

function renameAll(staged: readonly Target[], writes: readonly FileWrite[], unchanged: string): void {
  staged.forEach((target, i) => {
    try {
      commit(target, writes[i]!.content);
    } catch (error) {
      staged.slice(i).forEach(discard);
      if (i === 0) throw failure(error, target.file, unchanged);
      if (!isFsError(error)) throw error;
      const done = staged.slice(0, i).map((t) => t.file);
      throw new UsageError(
        describeFsError(error, target.file),
        `已替换的文件：${done.join('、')}；用 git status 查看并恢复`,
      );
    }
  });
}

/** A file-system error as a UsageError naming the target; anything else is a bug and passes through. */
function failure(error: unknown, file: string, unchanged: string): unknown {
  if (error instanceof UsageError || !isFsError(error)) return error;
  const hint = error.code === 'EISDIR' ? '请给出文件名，不要给文件夹，例如 --out 台账.xlsx' : undefined;
  return new UsageError(`${describeFsError(error, file)}；${unchanged}`, hint);
}

/** Lets `render` write `file` through a stream and waits until the file is complete and closed. */
async function streamTo(file: string, flags: string, render: (stream: Writable) => Promise<void>): Promise<void> {
  const stream = createWriteStream(file, { flags });
  const closed = new Promise<void>((resolve, reject) => {
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  closed.catch(() => undefined);
  try {
    await render(stream);
  } catch (error) {
    stream.destroy();
    await closed.catch(() => undefined);
    throw error;
  }
  await closed;
}
