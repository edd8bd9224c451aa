import { pushAll } from '../core/model/arrays.js';
import { fileDiagnostic, type Diagnostic } from '../core/model/diagnostic.js';
import type { Ledger, Locator, SourceFile, TaskOrigin } from '../core/model/ledger.js';
import type { Area, Config, UnitsFile } from '../core/model/schema.js';
import { buildUnitRegistry } from '../core/model/units.js';
import { UsageError } from '../errors.js';
import type { LedgerFiles } from './ledger-files.js';
import { CONFIG_FILE, isAreaFileName, LEDGER_DIR, UNITS_FILE } from './ledger-root.js';

export interface LoadResult {
  ledger: Ledger;
  diagnostics: Diagnostic[];
}

/** One file's parse: what was kept of it (if anything) and its diagnostics. */
export interface FileParse<T> {
  source?: SourceFile<T>;
  diagnostics: Diagnostic[];
}

/** The key a file's parse is kept under: its content (blob id) and its path (the path decides the schema). */
export function parseKey(files: LedgerFiles, file: string): string | undefined {
  const id = files.contentId(file);
  return id && `${id}\0${file}`;
}

/** The path and blob id in a parseKey. */
export function keyParts(key: string): { blob: string; file: string } {
  const at = key.indexOf('\0');
  return { blob: key.slice(0, at), file: key.slice(at + 1) };
}

/** A file's parse without its locator, as the ledger cache keeps it. */
export interface StoredParse {
  source?: { data: unknown; origin?: readonly TaskOrigin[] };
  diagnostics: Diagnostic[];
}

export function storedParse({ source, diagnostics }: FileParse<unknown>): StoredParse {
  if (!source) return { diagnostics };
  return { source: { data: source.data, ...(source.origin ? { origin: source.origin } : {}) }, diagnostics };
}

/** A stored parse again, its positions found by `locate`. */
export function restoredParse<T>({ source, diagnostics }: StoredParse, file: string, locate: Locator): FileParse<T> {
  if (!source) return { diagnostics };
  return {
    source: { file, data: source.data as T, locate, ...(source.origin ? { origin: source.origin } : {}) },
    diagnostics,
  };
}

/**
 * Where each file's parse comes from: parsing it (parseLedger) or the ledger cache (a warm
 * `ledger status`, which must not load the parser). Undefined means “not known here”.
 */
export interface FileParses {
  units(file: string): FileParse<UnitsFile> | undefined;
  config(file: string): FileParse<Config> | undefined;
  area(file: string): FileParse<Area> | undefined;
  /** The configuration of a ledger without a (valid) config.yaml. */
  defaultConfig(): Config | undefined;
}

/**
 * The ledger from its files' parses, with the diagnostics of every file in order and of the folder
 * itself (stray files, no areas); undefined as soon as a parse is not known. Throws only when there
 * is no ledger folder at all.
 */
export function assembleLedger(files: LedgerFiles, parses: FileParses): LoadResult | undefined {
  const names = files.ledgerNames();
  if (names === undefined) throw noLedger(files);
  const diagnostics: Diagnostic[] = [];
  const unitsParse = parses.units(`${LEDGER_DIR}/${UNITS_FILE}`);
  const config = configOf(files, parses);
  if (!unitsParse || !config) return undefined;
  pushAll(diagnostics, unitsParse.diagnostics);
  pushAll(diagnostics, config.diagnostics);
  const areaNames = names.filter(isAreaFileName).sort(byNumberThenName);
  const areas: SourceFile<Area>[] = [];
  for (const name of areaNames) {
    const parse = parses.area(`${LEDGER_DIR}/${name}`);
    if (!parse) return undefined;
    pushAll(diagnostics, parse.diagnostics);
    if (parse.source) areas.push(parse.source);
  }
  pushAll(diagnostics, strayFiles(names, areaNames));
  if (areaNames.length === 0) diagnostics.push(noAreas());
  const unitsFile = unitsParse.source;
  const units = buildUnitRegistry(unitsFile?.data ?? { units: [] });
  return { ledger: { config: config.value, units, ...(unitsFile ? { unitsFile } : {}), areas }, diagnostics };
}

function configOf(files: LedgerFiles, parses: FileParses): { value: Config; diagnostics: Diagnostic[] } | undefined {
  const file = `${LEDGER_DIR}/${CONFIG_FILE}`;
  const parse = files.has(file) ? parses.config(file) : { diagnostics: [] };
  const value = parse?.source?.data ?? parses.defaultConfig();
  return parse && value ? { value, diagnostics: parse.diagnostics } : undefined;
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
