import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles, REPORT_SCHEMA_LINE, vscodeSettings } from '../../src/core/model/json-schemas.js';
import { REPO_ROOT, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const schemas = jsonSchemaFiles();
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const validator = (file: string) => ajv.compile(JSON.parse(schemas[file]!));
const area = validator('area.schema.json');
const report = validator('report.schema.json');

describe('JSON Schemas for editors (ledger schema)', () => {
  it('accept every file of the bundled ledger', () => {
    const dir = path.join(REPO_ROOT, 'ledger');
    const areas = readdirSync(dir).filter((f) => /^\d+-.*\.yaml$/.test(f));
    expect(areas).toHaveLength(14);
    for (const file of areas) expect(area(parse(readFileSync(path.join(dir, file), 'utf8'))), file).toBe(true);
    expect(validator('units.schema.json')(parse(readFileSync(path.join(dir, 'units.yaml'), 'utf8')))).toBe(true);
    expect(validator('config.schema.json')(parse(readFileSync(path.join(dir, 'config.yaml'), 'utf8')))).toBe(true);
  });

  it('reject what ledger validate rejects: unknown field, wrong status, missing field, bad id', () => {
    const ok = parse(SMALL_AREA);
    expect(area(ok)).toBe(true);
    const measure = (change: (m: Record<string, unknown>) => void) => {
      const copy = structuredClone(ok);
      change(copy.tasks[0].measures[0]);
      return area(copy);
    };
    expect(measure((m) => (m.statuss = '未启动'))).toBe(false);
    expect(measure((m) => (m.status = '进行中'))).toBe(false);
    expect(measure((m) => delete m.deadline)).toBe(false);
    expect(measure((m) => (m.id = '1.1'))).toBe(false);
    expect(measure((m) => (m.units = []))).toBe(false);
  });

  it('are committed up to date beside the bundled ledger, with the VS Code setting', () => {
    for (const [file, text] of Object.entries(schemas))
      expect(readFileSync(path.join(REPO_ROOT, 'schemas', file), 'utf8'), `${file}: run ledger schema`).toBe(text);
    expect(JSON.parse(readFileSync(path.join(REPO_ROOT, '.vscode/settings.json'), 'utf8'))).toEqual(
      JSON.parse(vscodeSettings()),
    );
  });

  it('describe fields in Chinese and list the status values', () => {
    const json = JSON.parse(schemas['area.schema.json']!);
    const item = json.properties.tasks.items.properties.measures.items.properties;
    expect(item.deadline.description).toBe('完成时限');
    expect(item.status.enum).toEqual(['未启动', '推进中', '已完成']);
    expect(JSON.parse(vscodeSettings())['yaml.schemas']['./schemas/report.schema.json']).toEqual(['reports/*/*.yaml']);
  });

  it('a template written by ledger template validates against the report schema and names it on line 1', () => {
    const root = tempLedger({ 'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA });
    const run = runCli(['template', '--unit', '市公安局', '--month', '2020-07'], root);
    expect(run.code).toBe(0);
    const text = readFileSync(path.join(root, 'reports/2020-07/市公安局.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(REPORT_SCHEMA_LINE);
    const data = parse(text);
    expect(report(data), JSON.stringify(report.errors)).toBe(true);
    data.entries[0].status = '完成';
    expect(report(data)).toBe(false);
    expect(runCli(['validate'], root).code).toBe(0);
  });

  it('ledger schema writes the four files; ledger init writes them with .vscode/settings.json', () => {
    const root = tempLedger({ 'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA });
    const run = runCli(['schema'], root);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(root, 'schemas')).sort()).toEqual(Object.keys(schemas).sort());
    const made = tempLedger({});
    expect(runCli(['init', 'city'], made).code).toBe(0);
    const settings = JSON.parse(readFileSync(path.join(made, 'city/.vscode/settings.json'), 'utf8'));
    expect(Object.keys(settings['yaml.schemas'])).toHaveLength(4);
    expect(readFileSync(path.join(made, 'city/schemas/area.schema.json'), 'utf8')).toBe(schemas['area.schema.json']);
  });
});
