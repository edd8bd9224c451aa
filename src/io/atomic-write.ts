import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

export interface FileWrite {
  /** Absolute path. */
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes several files so that a failure leaves none of them changed: every
 * file is first written to a temporary sibling, and only when all temporaries
 * exist are they renamed over their targets (a rename is atomic on one disk).
 * Files in `remove` are deleted after the renames.
 */
export function writeFilesAtomically(writes: readonly FileWrite[], remove: readonly string[] = []): void {
  const temporaries: string[] = [];
  try {
    for (const write of writes) {
      mkdirSync(path.dirname(write.path), { recursive: true });
      const temporary = `${write.path}.${process.pid}.${temporaries.length}.tmp`;
      temporaries.push(temporary);
      writeFileSync(temporary, write.content);
    }
  } catch (error) {
    for (const temporary of temporaries) rmSync(temporary, { force: true });
    throw new UsageError(`写入失败，台账未作任何修改：${(error as Error).message}`);
  }
  writes.forEach((write, i) => renameSync(temporaries[i]!, write.path));
  for (const file of remove) rmSync(file, { force: true });
}
