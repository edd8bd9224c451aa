import type { Locator, SourceFile } from '../core/ledger.js';
import { buildUnitRegistry } from '../core/units.js';
import { openLedgerCache, type CachedLoad } from './ledger-cache.js';
import { readWorkTree } from './ledger-files.js';
import { LEDGER_DIR } from './ledger-root.js';
import type { LoadResult } from './load-ledger.js';

export interface CachedFirstOptions {
  /** The caller asks for positions (`locate`): on a cache hit the YAML parser is loaded too (not zod). */
  positions?: boolean;
}

/**
 * loadLedger for the commands that only read the ledger (status, overdue, show, missing): the cache
 * (.git/ledger-cache.json) is read first, and the loader with zod and yaml is imported only on a miss,
 * so that a warm `ledger status` loads neither. The result is the one loadLedger gives. Without
 * `positions`, the sources of a cache hit cannot be located (their diagnostics come from the cache):
 * asking is a programming error and throws.
 */
export async function loadLedgerCachedFirst(root: string, options: CachedFirstOptions = {}): Promise<LoadResult> {
  const files = readWorkTree(root);
  const cached = files.ledgerNames() === undefined ? undefined : openLedgerCache(root, LEDGER_DIR)?.read();
  if (!cached) return (await import('./load-ledger.js')).loadLedger(root);
  const parse = options.positions ? (await import('./yaml-source.js')).parseYamlSource : undefined;
  const locator = (file: string): Locator => {
    let locate: Locator | undefined;
    return (at, target) => {
      if (!parse) throw new Error(`内部错误：${file} 的位置未加载（loadLedgerCachedFirst 需要 positions: true）`);
      return (locate ??= parse(files.read(file), file).source.locate)(at, target);
    };
  };
  return fromCache(cached, locator);
}

function fromCache(cached: CachedLoad, locator: (file: string) => Locator): LoadResult {
  const source = <T>({ file, data, origin }: Omit<SourceFile<T>, 'locate'>): SourceFile<T> => ({
    file,
    data,
    locate: locator(file),
    ...(origin ? { origin } : {}),
  });
  const unitsFile = cached.unitsFile && source(cached.unitsFile);
  const units = buildUnitRegistry(unitsFile?.data ?? { units: [] });
  return {
    ledger: { config: cached.config, units, unitsFile, areas: cached.areas.map(source) },
    diagnostics: cached.diagnostics,
  };
}
