import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Kept apart from load-ledger.ts so that finding the root (every command does) loads neither yaml nor zod. */
export const LEDGER_DIR = 'ledger';
export const UNITS_FILE = 'units.yaml';
export const CONFIG_FILE = 'config.yaml';

/** Area files are named NN-标题.yaml so that a listing reads as a table of contents. */
export function isAreaFileName(name: string): boolean {
  return /^\d+-.+\.ya?ml$/.test(name);
}

/** The area file names in `root`'s ledger/ (none when it has no ledger folder). */
export function areaFileNames(root: string): string[] {
  const dir = path.join(root, LEDGER_DIR);
  return existsSync(dir) ? readdirSync(dir).filter(isAreaFileName) : [];
}

/** The nearest directory at or above `start` that holds ledger/. */
export function findLedgerRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, LEDGER_DIR, UNITS_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}

/** Whether a path relative to the ledger root exists (evidence paths in reports); never outside the root. */
export function existsIn(root: string): (relative: string) => boolean {
  const base = path.resolve(root);
  return (relative) => {
    const full = path.resolve(base, relative);
    return (full === base || full.startsWith(base + path.sep)) && existsSync(full);
  };
}
