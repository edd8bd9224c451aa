import { createWriteStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { removeQuietly } from './atomic-write.js';
import { describeFsError, isFsError } from './describe-fs-error.js';

/**
 * Produces `file` through `write(temporary)`: the content goes to a temporary
 * sibling which is renamed over `file` only when complete, so a reader never
 * sees half a file and a failure leaves the old file as it was.
 */
export async function writeFileThrough(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
  if (existsSync(file) && !statSync(file).isFile()) {
    if (statSync(file).isDirectory())
      throw new UsageError(`${file} 是目录`, '--out 请给出文件名，例如 --out 台账.xlsx');
    // A device or pipe (/dev/null, /dev/stdout) is written to directly: renaming over it would replace it.
    return write(file);
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    await write(temporary);
    renameSync(temporary, file);
  } catch (error) {
    removeQuietly(temporary);
    if (!isFsError(error)) throw error;
    throw new UsageError(`${describeFsError(error, file)}；未写入任何文件`, '检查 --out 指定的目录是否存在、是否可写');
  }
}

/** Writes text to `file` the same way: complete or not at all. */
export function writeTextFile(file: string, text: string): Promise<void> {
  return writeFileThrough(file, async (temporary) => writeFileSync(temporary, text));
}

/**
 * Produces `file` from a renderer that writes to a stream (the xlsx renderers): complete or not at
 * all, like writeFileThrough. The renderer ends the stream; this waits for it to be closed.
 */
export function writeStreamThrough(file: string, render: (stream: Writable) => Promise<void>): Promise<void> {
  return writeFileThrough(file, async (target) => {
    const stream = createWriteStream(target);
    const closed = new Promise<void>((resolve, reject) => {
      stream.on('close', resolve);
      stream.on('error', reject);
    });
    try {
      await render(stream);
    } catch (error) {
      stream.destroy();
      throw error;
    }
    await closed;
  });
}
