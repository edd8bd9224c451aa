import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { describeFsError, isFsError } from './describe-fs-error.js';
import { guardOutput } from './output-guard.js';

/** The file that marks a folder as made by `ledger site` (so a rebuild may replace it). */
export const SITE_MARKER = '.ledger-site';

export interface SiteDirOptions {
  /** The ledger repository's root: the site may not be written over it or into ledger/ or reports/. */
  root: string;
  /** Write into an existing folder that `ledger site` did not make. */
  force?: boolean;
}

/**
 * The output folder of `ledger site`. Pages are written into a hidden staging folder inside
 * `out`; `commit` then moves each top-level entry into place (replacing the previous build's),
 * so a failure midway leaves the previous site as it was, and nothing is written outside `out`.
 */
export class SiteDir {
  private readonly staging: string;
  private written = 0;

  private constructor(
    readonly out: string,
    /** A folder not made by ledger site (opened with --force): none of its entries is ever replaced. */
    private readonly foreign: boolean,
  ) {
    this.staging = path.join(out, `${STAGING}${process.pid}`);
  }

  /**
   * Checks `out` through the output guard (links resolved: never the repository, ledger/, reports/
   * or .git), refuses a folder not made by ledger site unless forced, removes what a crashed build
   * left (its staging folder is never published) and opens a staging folder in it.
   */
  static open(out: string, options: SiteDirOptions): SiteDir {
    guardOutput(options.root, out, { kind: 'folder' });
    const foreign = refuseUnsafe(out, options);
    guard(out, () => mkdirSync(out, { recursive: true }));
    const dir = new SiteDir(out, foreign);
    guard(dir.staging, () => {
      removeLeftovers(out);
      rmSync(dir.staging, { recursive: true, force: true });
      mkdirSync(dir.staging);
    });
    return dir;
  }

  get count(): number {
    return this.written;
  }

  /** Writes one file at a site-relative path (forward slashes, no `..`). */
  write(relative: string, content: string | Uint8Array): void {
    const steps = relative.split('/');
    if (path.isAbsolute(relative) || steps.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\'))) {
      throw new Error(`ledger site: unsafe page path ${JSON.stringify(relative)}`);
    }
    const target = path.join(this.staging, ...steps);
    guard(path.join(this.out, ...steps), () => {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    });
    this.written += 1;
  }

  /** Marks the build and moves it into place, replacing the previous build's entries of the same names. */
  commit(marker: string): void {
    this.write(SITE_MARKER, marker);
    if (this.foreign) this.refuseReplacing();
    const trash = path.join(this.out, `${OLD}${process.pid}`);
    guard(this.out, () => {
      rmSync(trash, { recursive: true, force: true });
      mkdirSync(trash);
      for (const entry of readdirSync(this.staging)) {
        const target = path.join(this.out, entry);
        if (existsSync(target) || isLink(target)) renameSync(target, path.join(trash, entry));
        renameSync(path.join(this.staging, entry), target);
      }
      rmSync(trash, { recursive: true, force: true });
      rmSync(this.staging, { recursive: true, force: true });
    });
  }

  /** --force into a folder ledger site did not make adds pages, but replaces none of its files. */
  private refuseReplacing(): void {
    const taken = readdirSync(this.staging).filter(
      (entry) => existsSync(path.join(this.out, entry)) || isLink(path.join(this.out, entry)),
    );
    if (taken.length === 0) return;
    this.abort();
    throw new UsageError(
      `文件夹 ${this.out} 不是 ledger site 生成的，其中已有 ${taken.slice(0, 5).join('、')}${taken.length > 5 ? ` 等 ${taken.length} 项` : ''}；--force 不替换不是本工具生成的文件，网站未写入`,
      '换一个空文件夹，例如 --out site',
    );
  }

  /** Removes the staging folder; the previous site stays as it was. */
  abort(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}

/** Refuses a file, or a folder not made by ledger site unless forced; returns whether it is such a forced folder. */
function refuseUnsafe(out: string, { force }: SiteDirOptions): boolean {
  if (!existsSync(out)) return false;
  if (!statSync(out).isDirectory())
    throw new UsageError(`--out ${out} 已存在且不是文件夹`, '换一个文件夹名，例如 --out site');
  const entries = readdirSync(out).filter((entry) => !LEFTOVER.test(entry));
  const foreign = entries.length > 0 && !entries.includes(SITE_MARKER);
  if (foreign && !force) {
    throw new UsageError(
      `文件夹 ${out} 已存在且不是 ledger site 生成的（其中没有 ${SITE_MARKER}）`,
      '换一个文件夹，或确认无误后加 --force（只添加网站的页面，不替换其中已有的文件）',
    );
  }
  return foreign;
}

const STAGING = '.ledger-site-staging-';
const OLD = '.ledger-site-old-';
const LEFTOVER = /^\.ledger-site-(staging|old)-(\d+)$/;

/** Staging and trash folders of builds whose process is gone (killed midway): removed, never published. */
function removeLeftovers(out: string): void {
  for (const entry of readdirSync(out)) {
    const pid = LEFTOVER.exec(entry)?.[2];
    if (pid !== undefined && (Number(pid) === process.pid || !isAlive(Number(pid))))
      rmSync(path.join(out, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function guard(file: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    if (isFsError(error)) throw new UsageError(`${describeFsError(error, file)}；网站未更新`);
    throw error;
  }
}
