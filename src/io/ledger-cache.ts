import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import type { TaskOrigin } from '../core/ledger.js';
import type { Area, Config, UnitsFile } from '../core/schema.js';

/**
 * A cache of the loaded ledger (parsed, schema-checked data and the load's diagnostics) kept in
 * .git/ledger-cache.json, so that `ledger status` does not parse every YAML file on every run.
 * It is keyed, like git's index, on every file in ledger/ (name, size, modification and change
 * time in nanoseconds, inode) and on the loader's own code; any difference is a miss. Nothing is
 * done at import time: the code is stamped on the first use. Files
 * modified in the last two seconds make the load uncacheable (a second change within the same
 * clock tick could keep size and time). Only a ledger inside a git work tree is cached;
 * LEDGER_CACHE=off turns the cache off.
 */

export interface CachedLoad {
  config: Config;
  unitsFile?: { file: string; data: UnitsFile };
  areas: { file: string; data: Area; origin?: readonly TaskOrigin[] }[];
  diagnostics: Diagnostic[];
}

export interface LedgerCache {
  read(): CachedLoad | undefined;
  write(load: CachedLoad): void;
}

const FORMAT = 1;
const RACY_MS = 2000;
const CACHE_FILE = 'ledger-cache.json';

/** Set by the bundler (scripts/build.mjs): a hash of every source file and the locked dependencies. */
declare const __LEDGER_CODE_STAMP__: string | undefined;

/**
 * The loader's code, so that a rebuilt or edited tool never reads an old cache: in the bundle, the
 * build's hash of the sources; compiled file by file (tsc, tests), every module in io/ and core/
 * (the loader, the schema, the messages of its diagnostics), about 80 stat calls.
 */
let codeStamp: string | undefined;
export function stampCode(): string {
  if (typeof __LEDGER_CODE_STAMP__ === 'string') return __LEDGER_CODE_STAMP__;
  return (codeStamp ??= ['./', '../core/']
    .flatMap((dir) => {
      const folder = fileURLToPath(new URL(dir, import.meta.url));
      try {
        return readdirSync(folder)
          .filter((name) => /\.[jt]s$/.test(name))
          .sort()
          .map((name) => {
            const s = statSync(path.join(folder, name));
            return `${dir}${name}:${s.size}@${s.mtimeMs}`;
          });
      } catch {
        return [`${dir}:missing`];
      }
    })
    .join(','));
}

/** The cache for the ledger under `root`, or undefined when it cannot or should not be cached. */
export function openLedgerCache(
  root: string,
  ledgerDir: string,
  env: NodeJS.ProcessEnv = process.env,
): LedgerCache | undefined {
  if (env.LEDGER_CACHE === 'off' || env.LEDGER_CACHE === '0') return undefined;
  const gitDir = path.join(root, '.git');
  try {
    if (!statSync(gitDir).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const file = path.join(gitDir, CACHE_FILE);
  const { key, racy } = ledgerKey(path.join(root, ledgerDir));
  return {
    read: () => readCache(file, key),
    write: (load) => {
      if (racy) rmSync(file, { force: true });
      else writeCache(file, key, load);
    },
  };
}

function ledgerKey(dir: string): { key: string; racy: boolean } {
  const now = Date.now();
  let racy = false;
  const parts = [`${FORMAT}`, stampCode()];
  for (const name of readdirSync(dir).sort()) {
    const s = lstatSync(path.join(dir, name), { bigint: true });
    if (Number(s.mtimeMs) > now - RACY_MS) racy = true;
    parts.push(`${name}\t${s.size}\t${s.mtimeNs}\t${s.ctimeNs}\t${s.ino}`);
  }
  return { key: parts.join('\n'), racy };
}

function readCache(file: string, key: string): CachedLoad | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    // The key is written first: a stale cache is told by its first bytes, without parsing the rest.
    if (!text.startsWith(`{"key":${JSON.stringify(key)},`)) return undefined;
    const cached = JSON.parse(text) as { key?: unknown; load?: CachedLoad };
    return cached.key === key && cached.load ? cached.load : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written is simply not there next time. */
function writeCache(file: string, key: string, load: CachedLoad): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, JSON.stringify({ key, load }));
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}
