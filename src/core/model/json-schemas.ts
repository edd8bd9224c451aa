/**
 * JSON Schema files for editors (yaml-language-server in VS Code and others):
 * made from the zod schemas, so they never disagree with `ledger validate`,
 * with Chinese descriptions from field-labels.ts. The files and the globs
 * they apply to are listed once here, for `ledger schema` and `ledger init`.
 */
import { z } from 'zod';
import { FIELD_LABELS } from './field-labels.js';
import { ReportSchema } from '../reports/report-schema.js';
import { AreaSchema, ConfigSchema, UnitsFileSchema } from './schema.js';

export const SCHEMA_DIR = 'schemas';

export const SCHEMA_FILES = [
  {
    file: 'area.schema.json',
    title: '主要指标文件（ledger/NN-标题.yaml）',
    schema: AreaSchema,
    globs: ['ledger/[0-9]*.yaml'],
  },
  {
    file: 'units.schema.json',
    title: '单位名录（ledger/units.yaml）',
    schema: UnitsFileSchema,
    globs: ['ledger/units.yaml'],
  },
  {
    file: 'config.schema.json',
    title: '台账设置（ledger/config.yaml）',
    schema: ConfigSchema,
    globs: ['ledger/config.yaml'],
  },
  {
    file: 'report.schema.json',
    title: '月度报送表（reports/YYYY-MM/单位.yaml）',
    schema: ReportSchema,
    globs: ['reports/*/*.yaml'],
  },
] as const;

/** Each schema file's JSON text, keyed by file name. */
export function jsonSchemaFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { file, title, schema } of SCHEMA_FILES) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    out[file] = `${JSON.stringify(describe({ ...json, title }), null, 2)}\n`;
  }
  return out;
}

/** The VS Code setting that maps the schema files to the ledger's files (paths from the repository root). */
export function vscodeSettings(): string {
  const schemas = Object.fromEntries(SCHEMA_FILES.map(({ file, globs }) => [`./${SCHEMA_DIR}/${file}`, [...globs]]));
  return `${JSON.stringify({ 'yaml.schemas': schemas }, null, 2)}\n`;
}

/** The first line of a report file written by `ledger template`: its schema, relative to reports/YYYY-MM/. */
export const REPORT_SCHEMA_LINE = `# yaml-language-server: $schema=../../${SCHEMA_DIR}/report.schema.json`;

/** Adds the Chinese field name as `description` to every property that has none. */
function describe(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(describe);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = describe(value);
  // Reports accept 2020.9.10, 2020年9月10日 and an empty placeholder too: the editor only says what is meant.
  if (out.format === 'date') {
    delete out.format;
    delete out.pattern;
    out.description = '日期，写作 YYYY-MM-DD';
  }
  const properties = out.properties as Record<string, Record<string, unknown>> | undefined;
  if (properties) {
    for (const [name, property] of Object.entries(properties)) {
      if (FIELD_LABELS[name] && property.description === undefined)
        properties[name] = { description: FIELD_LABELS[name], ...property };
    }
  }
  return out;
}
