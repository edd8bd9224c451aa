import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { fileDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { Ledger, Locator, SourceFile } from '../core/ledger.js';
import { AreaSchema, ConfigSchema, UnitsFileSchema, type Config } from '../core/schema.js';
import { salvageArea } from '../core/salvage-area.js';
import { buildUnitRegistry } from '../core/units.js';
import { zodIssuesToDiagnostics } from '../core/zod-issues.js';
import { UsageError } from '../errors.js';
import { describeFsError } from './describe-fs-error.js';
import { openLedgerCache, type CachedLoad } from './ledger-cache.js';
import { CONFIG_FILE, isAreaFileName, LEDGER_DIR, UNITS_FILE } from './ledger-root.js';
import { parseYamlSource } from './yaml-source.js';

export { CONFIG_FILE, findLedgerRoot, isAreaFileName, LEDGER_DIR, UNITS_FILE } from './ledger-root.js';

export interface LoadResult {
  ledger: Ledger;
  diagnostics: Diagnostic[];
}

/**
 * Loads ledger/ under `root`: schema problems become diagnostics; of a file
 * that fails the schema, only its valid tasks and measures are kept (see
 * salvageArea). Throws only when there is no ledger directory at all.
 */
export function loadLedger(root: string): LoadResult {
  const dir = path.join(root, LEDGER_DIR);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(
      `在 ${root} 下找不到台账目录 ${LEDGER_DIR}/`,
      '在台账仓库的根目录运行，或用 --root 指定；新建台账请用 ledger init DIR',
    );
  }
  const cache = openLedgerCache(root, LEDGER_DIR);
  const cached = cache?.read();
  if (cached) return fromCache(root, cached);
  const diagnostics: Diagnostic[] = [];
  const unitsFile = readSchemaFile(root, `${LEDGER_DIR}/${UNITS_FILE}`, UnitsFileSchema, diagnostics);
  const config = readConfig(root, diagnostics);
  const areaNames = readdirSync(dir).filter(isAreaFileName).sort(byNumberThenName);
  const areas = areaNames
    .map((name) =>
      readSchemaFile(root, `${LEDGER_DIR}/${name}`, AreaSchema, diagnostics, {
        salvage: salvageArea,
        strictComments: true,
      }),
    )
    .filter((area): area is NonNullable<typeof area> => area !== undefined);
  diagnostics.push(...strayFiles(dir, areaNames));
  if (areaNames.length === 0) {
    diagnostics.push(
      fileDiagnostic(LEDGER_DIR, {
        code: 'ledger/no-areas',
        message: '台账目录中没有任何主要指标文件（NN-标题.yaml）',
        hint: '运行 ledger import 源文件.txt 生成，或参考 README 手工新建',
      }),
    );
  }
  const plain = <T>({ file, data }: SourceFile<T>) => ({ file, data });
  cache?.write({ config, unitsFile: unitsFile && plain(unitsFile), areas: areas.map(plain), diagnostics });
  const units = buildUnitRegistry(unitsFile?.data ?? { units: [] });
  return { ledger: { config, units, unitsFile, areas }, diagnostics };
}

/** A cached load; each file is parsed again only if a position in it is asked for. */
function fromCache(root: string, cached: CachedLoad): LoadResult {
  const source = <T>({ file, data }: { file: string; data: T }): SourceFile<T> => ({
    file,
    data,
    locate: fileLocator(root, file),
  });
  const unitsFile = cached.unitsFile && source(cached.unitsFile);
  const units = buildUnitRegistry(unitsFile?.data ?? { units: [] });
  return {
    ledger: { config: cached.config, units, unitsFile, areas: cached.areas.map(source) },
    diagnostics: cached.diagnostics,
  };
}

function fileLocator(root: string, file: string): Locator {
  let locate: Locator | undefined;
  return (at, target) => (locate ??= parseYamlSource(readBytes(path.join(root, file)), file).source.locate)(at, target);
}

export interface SchemaFileOptions<T> {
  /** What to keep of a file that fails the schema; by default nothing. */
  salvage?: (value: unknown) => T | undefined;
  /** The file never carries trailing comments after texts (see textCutByComments). */
  strictComments?: boolean;
}

export function readSchemaFile<S extends z.ZodType>(
  root: string,
  file: string,
  schema: S,
  diagnostics: Diagnostic[],
  options: SchemaFileOptions<z.output<S>> = {},
): SourceFile<z.output<S>> | undefined {
  const { salvage, strictComments } = options;
  const absolute = path.join(root, file);
  if (!existsSync(absolute)) {
    diagnostics.push(fileDiagnostic(file, { code: 'file/missing', message: `缺少文件 ${file}` }));
    return undefined;
  }
  const parsed = parseYamlSource(readBytes(absolute), file, { strictComments });
  diagnostics.push(...parsed.diagnostics, ...parsed.warnings);
  if (parsed.diagnostics.length > 0) return undefined;
  const result = schema.safeParse(parsed.source.value);
  if (!result.success) {
    diagnostics.push(...zodIssuesToDiagnostics(result.error.issues, parsed.source.locate, parsed.source.value));
    const salvaged = salvage?.(parsed.source.value);
    return salvaged === undefined ? undefined : { file, data: salvaged, locate: fileLocator(root, file) };
  }
  // The text is not kept for positions: at 100,000 measures it is half the live heap.
  return { file, data: result.data, locate: fileLocator(root, file) };
}

export function readBytes(absolute: string): Uint8Array {
  try {
    return readFileSync(absolute);
  } catch (error) {
    throw new UsageError(describeFsError(error, absolute, 'read'));
  }
}

function readConfig(root: string, diagnostics: Diagnostic[]): Config {
  const file = `${LEDGER_DIR}/${CONFIG_FILE}`;
  if (!existsSync(path.join(root, file))) return ConfigSchema.parse({});
  return readSchemaFile(root, file, ConfigSchema, diagnostics)?.data ?? ConfigSchema.parse({});
}

function strayFiles(dir: string, areaNames: readonly string[]): Diagnostic[] {
  const known = new Set([...areaNames, UNITS_FILE, CONFIG_FILE]);
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && !known.has(name))
    .map((name) =>
      fileDiagnostic(`${LEDGER_DIR}/${name}`, {
        code: 'ledger/stray-file',
        message: `台账目录中的 ${name} 不是主要指标文件，也不是 units.yaml / config.yaml，因此没有被读取`,
        hint: '主要指标文件请命名为 NN-标题.yaml，例如 01-持续深化商事制度改革.yaml',
      }),
    );
}

function byNumberThenName(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);
}
