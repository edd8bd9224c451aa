import { mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Produces `file` through `write(temporary)`: the content goes to a temporary
 * sibling which is renamed over `file` only when complete, so a reader never
 * sees half a file and a failure leaves the old file as it was.
 */
export async function writeFileThrough(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    await write(temporary);
    renameSync(temporary, file);
  } catch (error) {
    removeQuietly(temporary);
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    throw new UsageError(`无法写入 ${file}：${code}`, '检查 --out 指定的目录是否存在、是否可写');
  }
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // The folder itself is unusable; the error that led here is the one to report.
  }
}
