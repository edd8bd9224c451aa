import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** Writes files given relative to `dir` (forward slashes), making folders as needed. */
export function writeTree(dir: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, ...name.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** Refuses a `dir` (as the user `given` it) that exists and is not an empty folder. */
export function refuseNonEmpty(dir: string, given: string): void {
  try {
    if (lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink())
      throw new UsageError(
        `${given} 是符号链接，ledger init 不在链接处建立台账（不跟随链接）`,
        '给出真实的文件夹路径，或换一个新文件夹名',
      );
    if (!existsSync(dir)) return;
    if (!statSync(dir).isDirectory()) throw new UsageError(`${given} 已存在且不是文件夹`, '换一个新文件夹名');
    if (readdirSync(dir).length > 0)
      throw new UsageError(
        `文件夹 ${given} 不是空的，ledger init 只在新的或空的文件夹中建立台账`,
        '换一个新文件夹名，例如 ledger init 台账-2021',
      );
  } catch (error) {
    throw error instanceof UsageError ? error : ioError(error, dir);
  }
}

/** A new folder `dir` holding `files`: written into a sibling temp folder first, then renamed into place in one step. */
export function createFolderWith(dir: string, files: Record<string, string | Uint8Array>): void {
  const parent = path.dirname(dir);
  if (!existsSync(parent))
    throw new UsageError(
      `无法建立 ${dir}：上级文件夹 ${parent} 不存在`,
      `先建立上级文件夹（mkdir -p "${parent}"），或换一个位置`,
    );
  let staging: string | undefined;
  try {
    staging = mkdtempSync(path.join(parent, `.${path.basename(dir)}.init-`));
    writeTree(staging, files);
    if (existsSync(dir)) rmdirSync(dir);
    renameSync(staging, dir);
  } catch (error) {
    if (staging) rmSync(staging, { recursive: true, force: true });
    throw ioError(error, dir);
  }
}

/** A file-system failure as a Chinese message naming the folder (exit code 2), never a stack trace. */
function ioError(error: unknown, dir: string): UsageError {
  const parent = path.dirname(dir);
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, [string, string]> = {
    EACCES: [`没有权限在 ${parent} 中建立文件夹`, '换一个有写入权限的位置，例如自己的主目录'],
    EPERM: [`没有权限在 ${parent} 中建立文件夹`, '换一个有写入权限的位置，例如自己的主目录'],
    EROFS: [`${parent} 在只读的文件系统上`, '换一个可以写入的位置'],
    ENOSPC: ['磁盘空间不足', '清理磁盘后重试'],
    ENOTDIR: [`${parent} 不是文件夹`, '换一个位置'],
    ENOENT: [`${parent} 中不能建立文件夹`, '换一个普通的文件夹，例如 ledger init ~/台账'],
  };
  const [reason, hint] = reasons[code ?? ''] ?? [`文件系统错误 ${code ?? String(error)}`, '换一个位置重试'];
  return new UsageError(`无法建立 ${dir}：${reason}`, hint);
}
