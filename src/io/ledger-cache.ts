import { lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRecord } from '../core/model/is-record.js';
import type { Config } from '../core/model/schema.js';
import { keyParts, type StoredParse } from './ledger-assembly.js';
import { cacheFile, STATE, type CacheFile } from './state-dir.js';

/**
 * The ledger cache, ledger-cache.json in the state folder (state-dir.ts): the parse (schema-checked data and diagnostics) of each
 * file in ledger/, keyed on its content (Git blob id) and path, so that `ledger status` parses no
 * YAML while nothing changed, and after an edit parses only the files that changed. Like git's
 * index it also keeps each file's blob id with its name, size, modification and change time in
 * nanoseconds and inode: a file whose stat is unchanged is not even read. Files modified in the
 * last two seconds keep no stat (a second change within the same clock tick could keep size and
 * time); their content is hashed on every run. Everything is keyed on the loader's own code too.
 * Nothing is done at import time. Only a ledger inside a git work tree is cached; LEDGER_CACHE=off
 * turns the cache off. History reads look up parses here as well: a past version's files that are
 * still in the work tree are not parsed again.
 */
export interface LedgerCache {
  /** The blob id of a file in ledger/ unchanged since it was hashed, judged by its stat. */
  knownId(file: string): string | undefined;
  /** The stored parse of a file, by its ParseMemo key (blob id and path). */
  parse(key: string): StoredParse | undefined;
  /** The configuration of a ledger without a (valid) config.yaml, as the loader gave it. */
  defaultConfig(): Config | undefined;
  /**
   * Keeps these parses (by ParseMemo key) and no others, with their files' stats, and the default
   * configuration when given; writes only if anything changed.
   */
  save(parses: ReadonlyMap<string, StoredParse>, defaultConfig?: Config): void;
}

interface Stored {
  /** By file name in ledger/: its stat and blob id. */
  stats: Record<string, [stat: string, blob: string]>;
  parses: Record<string, StoredParse>;
  defaultConfig?: Config;
}

const FORMAT = 2;
const RACY_MS = 2000;

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
        return readdirSync(folder, { recursive: true, encoding: 'utf8' })
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
  const file = cacheFile(root, STATE.ledgerCache, env);
  if (!file) return undefined;
  const key = `${FORMAT} ${stampCode()}`;
  const stored = readCache(file, key) ?? { stats: {}, parses: {} };
  const stats = statsOf(path.join(root, ledgerDir));
  const prefix = `${ledgerDir}/`;
  const nameOf = (file: string) => (file.startsWith(prefix) ? file.slice(prefix.length) : undefined);
  return {
    knownId(file) {
      const name = nameOf(file) ?? '';
      const known = Object.hasOwn(stored.stats, name) ? stored.stats[name] : undefined;
      if (!Array.isArray(known) || known[0] !== stats.get(name)?.stat) return undefined;
      // The blob a record names must be the one its parse is kept under, or the file is hashed again.
      return Object.hasOwn(stored.parses, `${known[1]}\0${file}`) ? known[1] : undefined;
    },
    parse: (key) => stored.parses[key],
    defaultConfig: () => stored.defaultConfig,
    save(parses, defaultConfig = stored.defaultConfig) {
      const next: Stored = {
        stats: {},
        parses: Object.fromEntries(parses),
        ...(defaultConfig ? { defaultConfig } : {}),
      };
      for (const key of parses.keys()) {
        const { blob, file } = keyParts(key);
        const name = nameOf(file) ?? '';
        const stat = stats.get(name);
        if (stat && !stat.racy) next.stats[name] = [stat.stat, blob];
      }
      const changed =
        !sameKeys(next.parses, stored.parses) || JSON.stringify(next.stats) !== JSON.stringify(stored.stats);
      if (changed || (defaultConfig && !stored.defaultConfig)) writeCache(file, key, next);
    },
  };
}

/** Each file's stat as one string; racy when modified in the last two seconds. */
function statsOf(dir: string): Map<string, { stat: string; racy: boolean }> {
  const now = Date.now();
  const stats = new Map<string, { stat: string; racy: boolean }>();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return stats;
  }
  for (const name of names) {
    try {
      const s = lstatSync(path.join(dir, name), { bigint: true });
      const stat = `${s.mode}\t${s.size}\t${s.mtimeNs}\t${s.ctimeNs}\t${s.ino}`;
      stats.set(name, { stat, racy: Number(s.mtimeMs) > now - RACY_MS });
    } catch {
      // Gone since the listing: it has no stat to trust.
    }
  }
  return stats;
}

function sameKeys(a: object, b: object): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key));
}

function readCache(file: CacheFile, key: string): Stored | undefined {
  try {
    const text = file.read();
    // The key is written first: a cache of another tool version is told by its first bytes, without parsing the rest.
    if (!text?.startsWith(`{"key":${JSON.stringify(key)},`)) return undefined;
    const cached = JSON.parse(text) as { key?: unknown; stats?: Stored['stats']; parses?: Stored['parses'] };
    return cached.key === key && isRecord(cached.stats) && isRecord(cached.parses) ? (cached as Stored) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file: CacheFile, key: string, stored: Stored): void {
  file.write(JSON.stringify({ key, ...stored }));
}
