import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { describeFsError, isFsError } from './describe-fs-error.js';

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

  private constructor(readonly out: string) {
    this.staging = path.join(out, `.ledger-site-staging-${process.pid}`);
  }

  /** Checks `out` (refusing a folder not made by ledger site unless forced) and opens a staging folder in it. */
  static open(out: string, options: SiteDirOptions): SiteDir {
    refuseUnsafe(out, options);
    guard(out, () => mkdirSync(out, { recursive: true }));
    const dir = new SiteDir(out);
    guard(dir.staging, () => {
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
    const trash = path.join(this.out, `.ledger-site-old-${process.pid}`);
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

  /** Removes the staging folder; the previous site stays as it was. */
  abort(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}

function refuseUnsafe(out: string, { root, force }: SiteDirOptions): void {
  const inside = (parent: string, child: string) => {
    const rel = path.relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  const absoluteRoot = path.resolve(root);
  if (inside(out, absoluteRoot)) {
    throw new UsageError(`不能把网站写到 ${out}：它包含台账仓库`, '用一个单独的文件夹，例如 --out site');
  }
  for (const dir of ['ledger', 'reports']) {
    if (inside(path.join(absoluteRoot, dir), out)) {
      throw new UsageError(`不能把网站写到 ${dir}/ 中：那里只放台账和报送文件`, '用一个单独的文件夹，例如 --out site');
    }
  }
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory())
    throw new UsageError(`--out ${out} 已存在且不是文件夹`, '换一个文件夹名，例如 --out site');
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(SITE_MARKER) && !force) {
    throw new UsageError(
      `文件夹 ${out} 已存在且不是 ledger site 生成的（其中没有 ${SITE_MARKER}）`,
      '换一个文件夹，或确认无误后加 --force（同名的页面和文件夹会被替换，其余文件保留）',
    );
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
