import type { z } from 'zod';
import { storedParse } from './ledger-assembly.js';
import { openLedgerCache, type LedgerCache } from './ledger-cache.js';
import { readWorkTree } from './ledger-files.js';
import { LEDGER_DIR } from './ledger-root.js';
import { recoverIfInterrupted } from './repo-write.js';
import {
  defaultConfig,
  parseLedger,
  parseMemo,
  parseSchemaFile,
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
 * {ledger, diagnostics}) with the ledger cache (.git/ledger/ledger-cache.json) at this edge: only files
 * whose content it has not seen are parsed. Throws only when there is no ledger directory at all.
 * A past revision: loadLedgerAt.
 */
export function loadLedger(root: string): LoadResult {
  recoverIfInterrupted(root);
  return loadWorkTree(root, openLedgerCache(root, LEDGER_DIR));
}

/** loadLedger with the cache already opened (and the files already listed and hashed, if given). */
export function loadWorkTree(
  root: string,
  cache: LedgerCache | undefined,
  files = readWorkTree(root, cache?.knownId),
): LoadResult {
  if (!cache || files.ledgerNames() === undefined) return parseLedger(files);
  const memo = parseMemo({ stored: cache.parse });
  const loaded = parseLedger(files, memo);
  cache.save(new Map([...memo.files].map(([key, parse]) => [key, storedParse(parse)])), defaultConfig());
  return loaded;
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
