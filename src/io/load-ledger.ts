import type { z } from 'zod';
import type { SourceFile } from '../core/ledger.js';
import { buildUnitRegistry } from '../core/units.js';
import { openLedgerCache, type CachedLoad } from './ledger-cache.js';
import { readWorkTree, type LedgerFiles } from './ledger-files.js';
import { LEDGER_DIR } from './ledger-root.js';
import { recoverIfInterrupted } from './repo-write.js';
import {
  parseLedger,
  parseSchemaFile,
  sourceFile,
  type FileParse,
  type LoadResult,
  type SchemaFileOptions,
} from './parse-ledger.js';

export { CONFIG_FILE, findLedgerRoot, isAreaFileName, LEDGER_DIR, UNITS_FILE } from './ledger-root.js';
export { readBytes } from './ledger-files.js';
export type { FileParse, LoadResult, SchemaFileOptions } from './parse-ledger.js';
export { linkDiagnostic } from './parse-ledger.js';

/**
 * Loads ledger/ of the work tree under `root`: the two steps (read the files, parse them to
 * {ledger, diagnostics}) wrapped by the parse cache (.git/ledger-cache.json) at this edge.
 * Throws only when there is no ledger directory at all. A past revision: loadLedgerAt.
 */
export function loadLedger(root: string): LoadResult {
  recoverIfInterrupted(root);
  const files = readWorkTree(root);
  if (files.ledgerNames() === undefined) return parseLedger(files);
  const cache = openLedgerCache(root, LEDGER_DIR);
  const cached = cache?.read();
  if (cached) return fromCache(files, cached);
  const loaded = parseLedger(files);
  const { ledger, diagnostics } = loaded;
  const plain = <T>({ file, data, origin }: SourceFile<T>) => ({ file, data, ...(origin ? { origin } : {}) });
  cache?.write({
    config: ledger.config,
    ...(ledger.unitsFile ? { unitsFile: plain(ledger.unitsFile) } : {}),
    areas: ledger.areas.map(plain),
    diagnostics,
  });
  return loaded;
}

/** A cached load; each file is parsed again only if a position in it is asked for. */
function fromCache(files: LedgerFiles, cached: CachedLoad): LoadResult {
  const source = <T>({ file, data, origin }: Omit<SourceFile<T>, 'locate'>): SourceFile<T> =>
    sourceFile(files, file, data, origin);
  const unitsFile = cached.unitsFile && source(cached.unitsFile);
  const units = buildUnitRegistry(unitsFile?.data ?? { units: [] });
  return {
    ledger: { config: cached.config, units, ...(unitsFile ? { unitsFile } : {}), areas: cached.areas.map(source) },
    diagnostics: cached.diagnostics,
  };
}

/** One file of the work tree parsed against a schema: what was kept of it and its diagnostics. */
export function readSchemaFile<S extends z.ZodType>(
  root: string,
  file: string,
  schema: S,
  options: SchemaFileOptions<z.output<S>> = {},
): FileParse<z.output<S>> {
  return parseSchemaFile(readWorkTree(root), file, schema, options);
}
