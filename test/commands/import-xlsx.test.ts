import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importLedger } from '../../src/commands/import/run.js';
import { AreaSchema, type Area } from '../../src/core/model/schema.js';
import { BUNDLED_UNITS } from '../helpers/ledger-fixture.js';
import { divisionXlsx, type SheetRow } from '../helpers/plan-inputs.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree, tempDir } from '../helpers/temp-dir.js';

const TITLE = '石嘴山市2021年深化“放管服”改革优化营商环境分工台账';
const ROWS: SheetRow[] = [
  {
    task: '一、深化商事制度改革',
    measure: '推行企业开办全程网办。企业开办时间压缩至0.5个工作日。',
    leads: '市审批局',
    units: '公安局、税务局、人行市中心支行',
    deadline: '6月底前',
  },
  {
    task: '一、深化商事制度改革',
    measure: '推进电子营业执照和电子印章同步发放。',
    leads: '审批局',
    units: '市公安局',
    deadline: '2021年10月底',
  },
  {
    task: '二、优化纳税服务',
    measure: '持续压减纳税时间。',
    leads: '市税务局',
    units: '各县区',
    deadline: '长期坚持',
  },
  { task: '二、优化纳税服务', measure: '推广电子发票。', leads: '市税务局', units: '市大数据中心', deadline: '' },
];

function areasIn(root: string, files: { file: string }[]): Area[] {
  return files
    .filter((f) => /ledger\/\d+-/.test(f.file))
    .map((f) => AreaSchema.parse(parse(readFileSync(path.join(root, f.file), 'utf8'))));
}

describe('ledger import of an Excel 分工台账', () => {
  it('lists each unknown unit once and each measure without a deadline, and writes nothing', async () => {
    const root = tempDir({ 'ledger/units.yaml': BUNDLED_UNITS, 'plan.xlsx': await divisionXlsx(TITLE, ROWS) });
    const before = snapshotTree(root);
    const result = await importLedger({ root, source: 'plan.xlsx' });
    expect(result.written).toBe(false);
    expect(snapshotTree(root)).toEqual(before);
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['import/no-deadline', 6],
      ['import/unknown-unit', 6],
    ]);
    expect(result.diagnostics[1]!.message).toBe('单位“市大数据中心”不在单位名录中（出现 1 次）');
  });

  it('with --default-deadline and --new-units: two levels, the plan year, units normalised', async () => {
    const root = tempDir({ 'ledger/units.yaml': BUNDLED_UNITS, 'plan.xlsx': await divisionXlsx(TITLE, ROWS) });
    const result = await importLedger({
      root,
      source: 'plan.xlsx',
      defaultDeadline: '2021年底前',
      newUnits: true,
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.plan).toMatchObject({
      format: 'xlsx',
      levels: 2,
      year: 2021,
      newUnits: ['市大数据中心'],
      defaulted: ['2.1.2'],
    });
    expect(result.plan!.skipped).toEqual(['注：完成时限未写年份的，均为本年度。']);
    const areas = areasIn(root, result.files);
    expect(areas.map((a) => [a.area, a.title, a.lead, a.tasks.map((t) => t.title)])).toEqual([
      [1, '深化商事制度改革', ['市审批局'], ['深化商事制度改革']],
      [2, '优化纳税服务', ['市税务局'], ['优化纳税服务']],
    ]);
    const measures = areas.flatMap((a) => a.tasks.flatMap((t) => t.measures));
    expect(measures.map((m) => [m.id, m.deadline, m.units])).toEqual([
      ['1.1.1', '2021年6月底前', ['市审批局', '市公安局', '市税务局', '人行市中心支行']],
      ['1.1.2', '2021年10月底前', ['市审批局', '市公安局']],
      ['2.1.1', '长期', ['市税务局', '各县区']],
      ['2.1.2', '2021年底前', ['市税务局', '市大数据中心']],
    ]);
    const units = readFileSync(path.join(root, 'ledger/units.yaml'), 'utf8');
    expect(units.match(/name: 市大数据中心/g)).toHaveLength(1);
    expect(units.startsWith(BUNDLED_UNITS.split('\n')[0]!)).toBe(true);
    expect(runCli(['validate'], root).code).toBe(0);
  });

  it('--new-units only appends to units.yaml: comments, layout, BOM and CRLF line ends stay', async () => {
    const units = `\uFEFF${BUNDLED_UNITS.replaceAll('\n', '\r\n')}`;
    const root = tempDir({ 'ledger/units.yaml': units, 'plan.xlsx': await divisionXlsx(TITLE, ROWS) });
    await importLedger({ root, source: 'plan.xlsx', defaultDeadline: '2021年底前', newUnits: true });
    expect(readFileSync(path.join(root, 'ledger/units.yaml'), 'utf8')).toBe(`${units}  - name: 市大数据中心\r\n`);
  });

  it('refuses a --default-deadline it cannot read (exit 2)', async () => {
    const root = tempDir({ 'ledger/units.yaml': BUNDLED_UNITS, 'plan.xlsx': await divisionXlsx(TITLE, ROWS) });
    const run = runCli(['import', 'plan.xlsx', '--default-deadline', '年底'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--default-deadline 的“年底”不是可识别的完成时限');
  });
});
