import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { describeFsError, isFsError } from './describe-fs-error.js';

export interface FileWrite {
  /** Absolute path. */
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes several files so that a failure leaves none of them changed: every
 * file is first written to a temporary sibling, and only when all temporaries
 * exist are they renamed over their targets (a rename is atomic on one disk).
 * Files in `remove` are deleted after the renames. Errors name the target,
 * never the temporary file; `unchanged` says what a failure left as it was
 * (the caller knows whether that is the ledger).
 */
export function writeFilesAtomically(
  writes: readonly FileWrite[],
  remove: readonly string[] = [],
  unchanged = '未写入任何文件',
): void {
  const temporaries: string[] = [];
  let current = '';
  try {
    for (const write of writes) {
      current = write.path;
      if (isDirectory(write.path)) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      mkdirSync(path.dirname(write.path), { recursive: true });
      const temporary = `${write.path}.${process.pid}.${temporaries.length}.tmp`;
      temporaries.push(temporary);
      writeFileSync(temporary, write.content);
    }
  } catch (error) {
    for (const temporary of temporaries) removeQuietly(temporary);
    if (!isFsError(error)) throw error;
    throw new UsageError(`${describeFsError(error, current)}；${unchanged}`);
  }
  writes.forEach((write, i) => {
    try {
      renameSync(temporaries[i]!, write.path);
    } catch (error) {
      for (const temporary of temporaries.slice(i)) removeQuietly(temporary);
      if (!isFsError(error)) throw error;
      if (i === 0) throw new UsageError(`${describeFsError(error, write.path)}；${unchanged}`);
      const done = writes.slice(0, i).map((w) => w.path);
      throw new UsageError(
        describeFsError(error, write.path),
        `已替换的文件：${done.join('、')}；用 git status 查看并恢复`,
      );
    }
  });
  for (const file of remove) rmSync(file, { force: true });
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
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
