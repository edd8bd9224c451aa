import type { Locator } from '../core/model/ledger.js';
import {
  assembleLedger,
  parseKey,
  restoredParse,
  type FileParse,
  type LoadResult,
  type StoredParse,
} from './ledger-assembly.js';
import { openLedgerCache, type LedgerCache } from './ledger-cache.js';
import { readWorkTree, type LedgerFiles } from './ledger-files.js';
import { LEDGER_DIR } from './ledger-root.js';
import { recoverIfInterrupted } from './repo-write.js';

export interface CachedFirstOptions {
  /** The caller asks for positions (`locate`): on a cache hit the YAML parser is loaded too (not zod). */
  positions?: boolean;
}

/**
 * loadLedger for the commands that only read the ledger (status, overdue, show, missing): the cache
 * (.git/ledger/ledger-cache.json) is read first, and the loader with zod and yaml is imported only when a
 * file's content is not in it, so that a warm `ledger status` loads neither. The result is the one
 * loadLedger gives. Without `positions`, the sources of a cache hit cannot be located (their
 * diagnostics come from the cache): asking is a programming error and throws.
 */
export async function loadLedgerCachedFirst(root: string, options: CachedFirstOptions = {}): Promise<LoadResult> {
  recoverIfInterrupted(root);
  const cache = openLedgerCache(root, LEDGER_DIR);
  const files = readWorkTree(root, cache?.knownId);
  if (cache && files.ledgerNames()) {
    const parse = options.positions ? (await import('./yaml-source.js')).parseYamlSource : undefined;
    const hit = fromCache(files, cache, (file) => locator(files, file, parse));
    if (hit) return hit;
  }
  return (await import('./load-ledger.js')).loadWorkTree(root, cache, files);
}

type ParseYaml = typeof import('./yaml-source.js').parseYamlSource;

function locator(files: LedgerFiles, file: string, parse: ParseYaml | undefined): Locator {
  let locate: Locator | undefined;
  return (at, target) => {
    if (!parse) throw new Error(`内部错误：${file} 的位置未加载（loadLedgerCachedFirst 需要 positions: true）`);
    return (locate ??= parse(files.read(file), file).source.locate)(at, target);
  };
}

/** The ledger from cached parses only, or undefined when a file's content is not in the cache. */
function fromCache(files: LedgerFiles, cache: LedgerCache, locator: (file: string) => Locator): LoadResult | undefined {
  const used = new Map<string, StoredParse>();
  const cached = <T>(file: string): FileParse<T> | undefined => {
    const key = parseKey(files, file);
    const stored = key === undefined ? undefined : cache.parse(key);
    if (stored) used.set(key!, stored);
    return stored && restoredParse(stored, file, locator(file));
  };
  const loaded = assembleLedger(files, {
    units: cached,
    config: cached,
    area: cached,
    defaultConfig: cache.defaultConfig,
  });
  if (loaded) cache.save(used);
  return loaded;
}
