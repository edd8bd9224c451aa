import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { describeFsError } from './describe-fs-error.js';

/**
 * The one rule for every file the repository's own folders hold (ledger/, reports/, units.yaml,
 * config.yaml): links are never followed. A path relative to the root whose any part is a
 * symbolic link, or that leads out of the root, is refused — so a pull request that adds
 * `ledger/15-x.yaml -> /proc/self/environ` cannot make `ledger check` print the CI's secrets.
 * See docs/safety.md.
 */

/** Largest repository file read (a ledger or report YAML file); bigger is refused before reading. */
export const MAX_REPO_FILE_BYTES = 64 * 1024 * 1024;

/** Git's file mode for a symbolic link (a blob holding the link's target). */
export const GIT_SYMLINK_MODE = '120000';

/** Why a path relative to `root` may not be used: a part is a link, or it leaves the root; undefined when fine. */
export function linkProblem(root: string, rel: string): string | undefined {
  const parts = toParts(rel);
  if (parts === undefined) return `${rel} 不在台账仓库 ${root} 之内`;
  let current = root;
  for (let i = 0; i < parts.length; i++) {
    current = path.join(current, parts[i]!);
    const stat = lstatQuiet(current);
    if (!stat) return undefined;
    if (stat.isSymbolicLink()) {
      const shown = parts.slice(0, i + 1).join('/');
      return i === parts.length - 1 ? `${shown} 是符号链接` : `路径中的 ${shown} 是符号链接`;
    }
  }
  return undefined;
}

/** The hint that goes with every refused link. */
export const LINK_HINT = '台账不跟随符号链接（防止读出或写入仓库以外的文件）；请删除链接，把文件本身放进仓库';

/** The absolute path of `rel` inside `root`; a UsageError naming the link when linkProblem finds one. */
export function insideRepo(root: string, rel: string, action: 'read' | 'write' = 'read'): string {
  const problem = linkProblem(root, rel);
  if (problem) throw new UsageError(`拒绝${action === 'read' ? '读取' : '写入'} ${rel}：${problem}`, LINK_HINT);
  return path.join(root, ...rel.split('/'));
}

/** Whether a Git tree entry's mode is a link (or a submodule), which is never read as a ledger file. */
export function isRefusedGitMode(mode: string): boolean {
  return mode === GIT_SYMLINK_MODE || mode === '160000';
}

/**
 * Reads a regular file inside the repository: refuses links anywhere on the path (and opens with
 * O_NOFOLLOW, so a link swapped in after the check is refused too), anything but a regular file,
 * and files over `maxBytes`.
 */
export function readRepoFile(root: string, rel: string, maxBytes = MAX_REPO_FILE_BYTES): Uint8Array {
  return readRegularFile(insideRepo(root, rel), rel, maxBytes, true);
}

/**
 * Reads a regular file (a path given on the command line may be anywhere): refuses devices, pipes
 * and folders (`/dev/zero` never grows without bound) and files over `maxBytes`. With `noFollow`
 * the last part may not be a link.
 */
export function readRegularFile(absolute: string, shown: string, maxBytes: number, noFollow = false): Uint8Array {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | (noFollow ? constants.O_NOFOLLOW : 0) | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP' && noFollow)
      throw new UsageError(`拒绝读取 ${shown}：${shown} 是符号链接`, LINK_HINT);
    throw new UsageError(describeFsError(error, shown, 'read'));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UsageError(`拒绝读取 ${shown}：${kindOf(stat)}，不是普通文件`);
    if (stat.size > maxBytes)
      throw new UsageError(
        `拒绝读取 ${shown}：文件有 ${formatBytes(stat.size)}，超过上限 ${formatBytes(maxBytes)}`,
        '检查是否给错了文件',
      );
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(describeFsError(error, shown, 'read'));
  } finally {
    closeSync(fd);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} 字节`;
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return '它是文件夹';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return '它是设备文件';
  if (stat.isFIFO()) return '它是管道';
  if (stat.isSocket()) return '它是套接字';
  return '它是特殊文件';
}

function toParts(rel: string): string[] | undefined {
  if (path.isAbsolute(rel)) return undefined;
  const parts = rel.split(/[/\\]/).filter((part) => part !== '' && part !== '.');
  return parts.includes('..') ? undefined : parts;
}

function lstatQuiet(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/**
 * What a top-level folder of the repository (ledger/, reports/) is: absent, a folder, or refused
 * (a link or a file) with a UsageError naming it.
 */
export function repoFolder(root: string, name: string): 'absent' | 'folder' {
  const stat = lstatQuiet(path.join(root, name));
  if (!stat) return 'absent';
  if (stat.isSymbolicLink())
    throw new UsageError(`拒绝读取 ${name}/：${name} 是符号链接，台账仓库的 ${name}/ 必须是真实的文件夹`, LINK_HINT);
  if (!stat.isDirectory())
    throw new UsageError(
      `${name} 不是文件夹（它是一个文件），台账仓库的 ${name}/ 必须是文件夹`,
      `把文件 ${name} 改名或移走，再 mkdir ${name}`,
    );
  return 'folder';
}

/** `absolute` relative to `root` with forward slashes, or undefined when it lies outside the root. */
export function relativeInside(root: string, absolute: string): string | undefined {
  const rel = path.relative(root, absolute);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** A file about to be written: inside the repository no part of its path may be a link. Returns `absolute`. */
export function writeTarget(root: string, absolute: string): string {
  const rel = relativeInside(root, absolute);
  if (rel !== undefined) insideRepo(root, rel, 'write');
  return absolute;
}
