import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  rmdirSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { replaceFile } from './atomic-file.js';

/**
 * The one folder where ledger keeps its own state — the write lock, the folder of a write in
 * progress (temporaries and journal) and the caches — and the one module that knows where it is.
 * In Git it is `<git-dir>/ledger/`, the git dir found without running git: `<root>/.git` when that
 * is a folder, else the folder a `.git` file names (`gitdir: <path>`: a `git worktree add`
 * checkout or a submodule, whose own git dir gives it its own lock and caches). Git never shows,
 * commits, clones or pushes it. Outside Git, or for a ledger below the top of its repository, it
 * is `<root>/.ledger/`, there only while a command writes (or a crashed write waits), and there are
 * no caches. See docs/decisions.md.
 */

export interface StateDir {
  dir: string;
  /** Whether it lies in a git dir (only then are caches kept). */
  inGit: boolean;
}

/** The file names in the state folder. */
export const STATE = {
  lock: 'write.lock',
  /** The folder of a write in progress: its temporaries and its journal. */
  write: 'tmp',
  ledgerCache: 'ledger-cache.json',
  lightsCache: 'lights-cache.json',
  logCache: 'log-cache.json',
  arrivalsCache: 'arrivals-cache.json',
  historyCache: 'history-cache.json',
} as const;

export type CacheName = (typeof STATE)['ledgerCache' | 'lightsCache' | 'logCache' | 'arrivalsCache' | 'historyCache'];

/** The git dir of the work tree at `root` (`root/.git` or where its `gitdir:` line points), if any. */
export function gitDirOf(root: string): string | undefined {
  const dotGit = path.join(root, '.git');
  const stat = statSync(dotGit, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return dotGit;
  if (!stat?.isFile() || stat.size > 4096) return undefined;
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readQuiet(dotGit) ?? '')?.[1];
  if (!pointer) return undefined;
  const dir = path.resolve(root, pointer);
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() && pointsBack(dir, dotGit) ? dir : undefined;
}

export function stateDir(root: string): StateDir {
  const gitDir = gitDirOf(root);
  return gitDir ? { dir: path.join(gitDir, 'ledger'), inGit: true } : { dir: path.join(root, '.ledger'), inGit: false };
}

/** A path in the state folder. */
export function statePath(root: string, name: string): string {
  return path.join(stateDir(root).dir, name);
}

/** A cache file: what every cache reads and writes through. */
export interface CacheFile {
  readonly path: string;
  /** Its text; undefined when missing or not a regular file (a link, a folder, a pipe is ignored). */
  read(): string | undefined;
  /** Best effort, atomically: a cache that cannot be written is simply not there next time. */
  write(text: string): void;
}

/** A cache in the state folder; undefined outside Git or with LEDGER_CACHE=off. */
export function cacheFile(root: string, name: CacheName, env: NodeJS.ProcessEnv = process.env): CacheFile | undefined {
  if (env.LEDGER_CACHE === 'off' || env.LEDGER_CACHE === '0') return undefined;
  const { dir, inGit } = stateDir(root);
  if (!inGit) return undefined;
  const file = path.join(dir, name);
  return {
    path: file,
    read: () => readRegular(file),
    write(text) {
      try {
        ensureStatePath(root);
        replaceFile(file, text);
      } catch {
        // Read-only repository, full disk: the cache is rebuilt next time.
      }
    },
  };
}

/** Outside Git the state folder is removed when a command leaves nothing in it (as after every write). */
export function removeStateDirIfEmpty(root: string): void {
  const { dir, inGit } = stateDir(root);
  if (inGit) return;
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (a crashed write's journal), or already gone.
  }
}

/**
 * Makes the state folder (and `name` in it) when missing; returns the path. A state folder that is
 * a link or a file is refused. File-system errors pass through (the lock treats a read-only
 * repository as one nobody writes).
 */
export function ensureStatePath(root: string, name = ''): string {
  const { dir } = stateDir(root);
  mkdirSync(path.join(dir, name), { recursive: true });
  if (!lstatSync(dir).isDirectory())
    throw new UsageError(`${dir} 不是文件夹（是符号链接或文件）`, `ledger 在这里保存写入锁和缓存：删除它后重新运行`);
  return path.join(dir, name);
}

/** The folder of a write in progress used by the previous version: `<git-dir>/ledger-tmp/`, `<root>/.ledger-tmp/`. */
export function legacyWriteFolder(root: string): string {
  const gitDir = gitDirOf(root);
  return gitDir ? path.join(gitDir, 'ledger-tmp') : path.join(root, '.ledger-tmp');
}

/**
 * A worktree's git dir names its checkout in a file `gitdir`: when that is another folder, this
 * checkout is a copy (`cp -a`) or was moved, and the git dir is not its own to write in.
 */
function pointsBack(gitDir: string, dotGit: string): boolean {
  const back = readQuiet(path.join(gitDir, 'gitdir'))?.trim();
  if (!back) return true;
  return realQuiet(path.resolve(gitDir, back)) === realQuiet(dotGit);
}

function readRegular(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd, 'utf8') : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function readQuiet(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function realQuiet(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
