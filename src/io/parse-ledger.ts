import type { z } from 'zod';
import { fileDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { Ledger, Locator, SourceFile } from '../core/ledger.js';
import { salvageArea } from '../core/salvage-area.js';
import { AreaSchema, ConfigSchema, UnitsFileSchema, type Config } from '../core/schema.js';
import { buildUnitRegistry } from '../core/units.js';
import { zodIssuesToDiagnostics } from '../core/zod-issues.js';
import { UsageError } from '../errors.js';
import type { LedgerFiles } from './ledger-files.js';
import { CONFIG_FILE, isAreaFileName, LEDGER_DIR, UNITS_FILE } from './ledger-root.js';
import { parseYamlSource } from './yaml-source.js';
import { AreaPieces } from './area-pieces.js';
import { pushAll } from '../core/arrays.js';
import { LINK_HINT } from './repo-path.js';

export interface LoadResult {
  ledger: Ledger;
  diagnostics: Diagnostic[];
}

/** One file's parse: what was kept of it (if anything) and its diagnostics. */
export interface FileParse<T> {
  source?: SourceFile<T>;
  diagnostics: Diagnostic[];
}

/**
 * Parses shared between loads of several revisions: of files by content id (Git blob id), so a file
 * unchanged between two revisions is parsed once, and of the measures of area files by their text
 * (AreaPieces), so a changed file re-parses only the fields that changed. Parses are immutable values.
 */
export interface ParseMemo {
  files: Map<string, FileParse<unknown>>;
  pieces: AreaPieces;
}

export function parseMemo(): ParseMemo {
  return { files: new Map(), pieces: new AreaPieces() };
}

/**
 * The second step of loading: the files → {ledger, diagnostics}. Schema problems become
 * diagnostics; of a file that fails the schema, only its valid tasks and measures are kept
 * (see salvageArea). Throws only when there is no ledger folder at all.
 */
export function parseLedger(files: LedgerFiles, memo?: ParseMemo): LoadResult {
  const names = files.ledgerNames();
  if (names === undefined) throw noLedger(files);
  const diagnostics: Diagnostic[] = [];
  const take = <T>(parse: FileParse<T>): SourceFile<T> | undefined => {
    pushAll(diagnostics, parse.diagnostics);
    return parse.source;
  };
  const unitsFile = take(parseSchemaFile(files, `${LEDGER_DIR}/${UNITS_FILE}`, UnitsFileSchema, {}, memo));
  const config = readConfig(files, memo, diagnostics);
  const areaNames = names.filter(isAreaFileName).sort(byNumberThenName);
  const areas = areaNames
    .map((name) =>
      take(
        parseSchemaFile(
          files,
          `${LEDGER_DIR}/${name}`,
          AreaSchema,
          { salvage: salvageArea, strictComments: true, byPieces: true },
          memo,
        ),
      ),
    )
    .filter((area): area is NonNullable<typeof area> => area !== undefined);
  pushAll(diagnostics, strayFiles(names, areaNames));
  if (areaNames.length === 0) diagnostics.push(noAreas());
  const units = buildUnitRegistry(unitsFile?.data ?? { units: [] });
  return { ledger: { config, units, ...(unitsFile ? { unitsFile } : {}), areas }, diagnostics };
}

function noLedger(files: LedgerFiles): UsageError {
  if (files.origin.kind === 'revision') {
    return new UsageError(
      `版本 ${files.origin.commit.slice(0, 7)} 中没有台账目录 ${LEDGER_DIR}/`,
      '这个版本早于建立台账的提交；换一个更晚的日期或版本',
    );
  }
  return new UsageError(
    `在 ${files.root} 下找不到台账目录 ${LEDGER_DIR}/`,
    '在台账仓库的根目录运行，或用 --root 指定；新建台账请用 ledger init DIR',
  );
}

function noAreas(): Diagnostic {
  return fileDiagnostic(LEDGER_DIR, {
    code: 'ledger/no-areas',
    message: '台账目录中没有任何主要指标文件（NN-标题.yaml）',
    hint: '运行 ledger import 源文件.txt 生成，或参考 README 手工新建',
  });
}

export interface SchemaFileOptions<T> {
  /** What to keep of a file that fails the schema; by default nothing. */
  salvage?: (value: unknown) => { data: T; origin?: SourceFile<T>['origin'] } | undefined;
  /** The file never carries trailing comments after texts (see textCutByComments). */
  strictComments?: boolean;
  /** An area file: with a memo, parsed piece by piece (see AreaPieces). */
  byPieces?: boolean;
}

/** Parses one file against a schema; memoised on the file's content id when a memo is given. */
export function parseSchemaFile<S extends z.ZodType>(
  files: LedgerFiles,
  file: string,
  schema: S,
  options: SchemaFileOptions<z.output<S>> = {},
  memo?: ParseMemo,
): FileParse<z.output<S>> {
  const id = memo && files.contentId(file);
  const key = id && `${id}\0${file}`;
  const known = key ? memo.files.get(key) : undefined;
  if (known) return known as FileParse<z.output<S>>;
  const parse = parseFile(files, file, schema, options, memo?.pieces);
  if (key) memo.files.set(key, parse);
  return parse;
}

function parseFile<S extends z.ZodType>(
  files: LedgerFiles,
  file: string,
  schema: S,
  { salvage, strictComments, byPieces }: SchemaFileOptions<z.output<S>>,
  pieces?: AreaPieces,
): FileParse<z.output<S>> {
  const link = files.refused(file);
  if (link) return { diagnostics: [linkDiagnostic(file, link)] };
  if (!files.has(file)) {
    return { diagnostics: [fileDiagnostic(file, { code: 'file/missing', message: `缺少文件 ${file}` })] };
  }
  const parsed = parseYamlSource(files.read(file), file, {
    strictComments,
    ...(byPieces && pieces ? { pieces } : {}),
  });
  const diagnostics = [...parsed.diagnostics, ...parsed.warnings];
  if (parsed.diagnostics.length > 0) return { diagnostics };
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
export function sourceFile<T>(
  files: LedgerFiles,
  file: string,
  data: T,
  origin?: SourceFile<T>['origin'],
): SourceFile<T> {
  return { file, data, locate: fileLocator(files, file), ...(origin ? { origin } : {}) };
}

function fileLocator(files: LedgerFiles, file: string): Locator {
  let locate: Locator | undefined;
  return (at, target) => (locate ??= parseYamlSource(files.read(file), file).source.locate)(at, target);
}

function readConfig(files: LedgerFiles, memo: ParseMemo | undefined, diagnostics: Diagnostic[]): Config {
  const file = `${LEDGER_DIR}/${CONFIG_FILE}`;
  if (!files.has(file)) return ConfigSchema.parse({});
  const parse = parseSchemaFile(files, file, ConfigSchema, {}, memo);
  pushAll(diagnostics, parse.diagnostics);
  return parse.source?.data ?? ConfigSchema.parse({});
}

/** A link in ledger/ or reports/ (or on the way there): never followed, never read. */
export function linkDiagnostic(file: string, problem: string): Diagnostic {
  return fileDiagnostic(file, {
    code: 'file/symlink',
    message: `拒绝读取 ${file}：${problem}`,
    hint: LINK_HINT,
  });
}

/** Files in ledger/ that are not read: every one is reported, so nothing there is silently ignored. */
function strayFiles(names: readonly string[], areaNames: readonly string[]): Diagnostic[] {
  const known = new Set([...areaNames, UNITS_FILE, CONFIG_FILE]);
  return names.filter((name) => !known.has(name) && !QUIET_NAMES.has(name)).map(strayDiagnostic);
}

/** Git's own files may sit in ledger/. */
const QUIET_NAMES = new Set(['.gitkeep', '.gitignore', '.gitattributes']);

function strayDiagnostic(name: string): Diagnostic {
  const file = `${LEDGER_DIR}/${name}`;
  if (/\.ya?ml$/.test(name))
    return fileDiagnostic(file, {
      code: 'ledger/stray-file',
      message: `台账目录中的 ${name} 不是主要指标文件，也不是 units.yaml / config.yaml，因此没有被读取`,
      hint: '主要指标文件请命名为 NN-标题.yaml，例如 01-持续深化商事制度改革.yaml',
    });
  if (/\.ya?ml$/i.test(name))
    return fileDiagnostic(file, {
      code: 'ledger/stray-file',
      message: `台账目录中的 ${name} 的扩展名不是小写的 .yaml，因此没有被读取`,
      hint: `改名：git mv '${file}' '${file.replace(/\.ya?ml$/i, '.yaml')}'`,
    });
  return fileDiagnostic(file, {
    code: 'ledger/stray-file',
    severity: 'warning',
    message: `台账目录中的 ${name} 不是 YAML 文件，没有被读取`,
    hint: '台账目录只放 NN-标题.yaml、units.yaml 和 config.yaml；请把它移出 ledger/',
  });
}

function byNumberThenName(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);
}
