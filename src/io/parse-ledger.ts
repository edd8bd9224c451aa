import type { z } from 'zod';
import { pushAll } from '../core/model/arrays.js';
import { fileDiagnostic, type Diagnostic } from '../core/model/diagnostic.js';
import type { Locator, SourceFile } from '../core/model/ledger.js';
import { salvageArea } from '../core/reports/salvage-area.js';
import { AreaSchema, ConfigSchema, UnitsFileSchema, type Config } from '../core/model/schema.js';
import { zodIssuesToDiagnostics } from '../core/model/zod-issues.js';
import { textRuleDiagnostics } from '../core/model/text-rule.js';
import {
  assembleLedger,
  parseKey,
  restoredParse,
  type FileParse,
  type LoadResult,
  type StoredParse,
} from './ledger-assembly.js';
import type { LedgerFiles } from './ledger-files.js';
import { LINK_HINT } from './repo-path.js';
import type { ItemMemo } from './item-memo.js';
import { parseYamlSource } from './yaml-source.js';

export type { FileParse, LoadResult } from './ledger-assembly.js';

/**
 * Parses shared between loads, by file content id (the Git blob id; the work tree's files are
 * hashed): a file unchanged between two revisions, or since the ledger cache stored its parse
 * (`stored`), is not parsed again. Parses are immutable values; `files` ends up holding every
 * parse a load used.
 */
export interface ParseMemo {
  files: Map<string, FileParse<unknown>>;
  stored?: (key: string) => StoredParse | undefined;
  /** Area files parsed per measure item (history: a version differs from the last in a few items). */
  items?: ItemMemo;
}

export function parseMemo(options: Omit<ParseMemo, 'files'> = {}): ParseMemo {
  return { files: new Map(), ...options };
}

/** The configuration of a ledger without a (valid) config.yaml: the schema's defaults. */
export function defaultConfig(): Config {
  return ConfigSchema.parse({});
}

/**
 * The second step of loading: the files → {ledger, diagnostics}. Schema problems become
 * diagnostics; of a file that fails the schema, only its valid tasks and measures are kept
 * (see salvageArea). Throws only when there is no ledger folder at all.
 */
export function parseLedger(files: LedgerFiles, memo?: ParseMemo): LoadResult {
  const area = { salvage: salvageArea, strictComments: true, items: memo?.items };
  const loaded = assembleLedger(files, {
    units: (file) => parseSchemaFile(files, file, UnitsFileSchema, {}, memo),
    config: (file) => parseSchemaFile(files, file, ConfigSchema, {}, memo),
    area: (file) => parseSchemaFile(files, file, AreaSchema, area, memo),
    defaultConfig,
  });
  if (!loaded) throw new Error('内部错误：解析台账时缺少某个文件的结果');
  return loaded;
}

export interface SchemaFileOptions<T> {
  /** What to keep of a file that fails the schema; by default nothing. */
  salvage?: (value: unknown) => { data: T; origin?: SourceFile<T>['origin'] } | undefined;
  /** The file never carries trailing comments after texts (see textCutByComments). */
  strictComments?: boolean;
  items?: ItemMemo | undefined;
}

/** Parses one file against a schema; memoised on the file's content id when a memo is given. */
export function parseSchemaFile<S extends z.ZodType>(
  files: LedgerFiles,
  file: string,
  schema: S,
  options: SchemaFileOptions<z.output<S>> = {},
  memo?: ParseMemo,
): FileParse<z.output<S>> {
  const key = memo && parseKey(files, file);
  if (!key) return parseFile(files, file, schema, options);
  const known = memo.files.get(key) ?? restore(files, file, memo.stored?.(key));
  const parse = known ?? parseFile(files, file, schema, options);
  memo.files.set(key, parse);
  return parse as FileParse<z.output<S>>;
}

function restore(files: LedgerFiles, file: string, stored: StoredParse | undefined): FileParse<unknown> | undefined {
  return stored && restoredParse(stored, file, fileLocator(files, file));
}

function parseFile<S extends z.ZodType>(
  files: LedgerFiles,
  file: string,
  schema: S,
  { salvage, strictComments, items }: SchemaFileOptions<z.output<S>>,
): FileParse<z.output<S>> {
  const link = files.refused(file);
  if (link) return { diagnostics: [linkDiagnostic(file, link)] };
  if (!files.has(file)) {
    return { diagnostics: [fileDiagnostic(file, { code: 'file/missing', message: `缺少文件 ${file}` })] };
  }
  const parsed = parseYamlSource(files.read(file), file, { strictComments, ...(items ? { items } : {}) });
  const diagnostics = [...parsed.diagnostics, ...parsed.warnings];
  if (parsed.diagnostics.length > 0) return { diagnostics };
  pushAll(diagnostics, textRuleDiagnostics(parsed.source.value, parsed.source.locate));
  const result = schema.safeParse(parsed.source.value);
  if (!result.success) {
    pushAll(diagnostics, zodIssuesToDiagnostics(result.error.issues, parsed.source.locate, parsed.source.value));
    const salvaged = salvage?.(parsed.source.value);
    if (salvaged === undefined) return { diagnostics };
    return { source: sourceFile(files, file, salvaged.data, salvaged.origin), diagnostics };
  }
  // The text is not kept for positions: at 100,000 measures it is half the live heap.
  return { source: sourceFile(files, file, result.data), diagnostics };
}

/** A parsed file whose positions are found by parsing it again, only if one is asked for. */
function sourceFile<T>(files: LedgerFiles, file: string, data: T, origin?: SourceFile<T>['origin']): SourceFile<T> {
  return { file, data, locate: fileLocator(files, file), ...(origin ? { origin } : {}) };
}

function fileLocator(files: LedgerFiles, file: string): Locator {
  let locate: Locator | undefined;
  return (at, target) => (locate ??= parseYamlSource(files.read(file), file).source.locate)(at, target);
}

/** A link in ledger/ or reports/ (or on the way there): never followed, never read. */
export function linkDiagnostic(file: string, problem: string): Diagnostic {
  return fileDiagnostic(file, {
    code: 'file/symlink',
    message: `拒绝读取 ${file}：${problem}`,
    hint: LINK_HINT,
  });
}
