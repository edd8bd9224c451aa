import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { template } from '../../src/commands/template/run.js';
import { fillXlsx } from '../helpers/fill-xlsx.js';
import { replaceOrThrow, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree } from '../helpers/temp-dir.js';

/** Issue 25, items 2 and 3: characters XML cannot hold, and text too long for a cell. */

const REPORT = 'reports/2020-07/市公安局.yaml';

function refusedMerge(root: string, named: string, code: string): void {
  const before = snapshotTree(root);
  const merge = runCli(['merge', REPORT, '--as-of', '2020-07-25'], root);
  expect(merge.code, merge.stdout + merge.stderr).toBe(1);
  expect(merge.stdout + merge.stderr).toContain(named);
  expect(merge.stdout + merge.stderr).toContain(code);
  expect(snapshotTree(root)).toEqual(before);
}

describe('text that outputs cannot hold', { timeout: 120_000 }, () => {
  it('a report whose progress holds U+FFFE is refused by validate and merge, naming the file and the character', () => {
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      [REPORT]: reportYaml('市公安局', '2020-07', entry('1.1.1', '推进中', '进展\\uFFFE')),
    });
    const validate = runCli(['validate', REPORT], root);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(REPORT);
    expect(validate.stdout).toContain('text/xml-char');
    expect(validate.stdout).toContain('U+FFFE');
    refusedMerge(root, REPORT, 'U+FFFE');
  });

  it('an area file holding a control character fails validate, and render writes no workbook', () => {
    const area = replaceOrThrow(SMALL_AREA, 'text: 改造升级企业登记系统。', 'text: "改造升级\\u0001企业登记系统。"');
    const root = tempLedger({ [AREA_FILE]: area });
    const validate = runCli(['validate'], root);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(AREA_FILE);
    expect(validate.stdout).toContain('U+0001');
    const render = runCli(['render', '--format', 'xlsx', '--out', 'out.xlsx'], root);
    expect(render.code).toBe(1);
    expect(existsSync(path.join(root, 'out.xlsx'))).toBe(false);
    const form = runCli(['template', '--unit', '市公安局', '--month', '2020-07', '--format', 'xlsx'], root);
    expect(form.code).toBe(1);
  });

  it('a 40,000-character progress is refused (text/too-long) before it can reach a cell', () => {
    const long = '长'.repeat(40_000);
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      [REPORT]: reportYaml('市公安局', '2020-07', entry('1.1.1', '推进中', long)),
    });
    const validate = runCli(['validate', REPORT], root);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(REPORT);
    expect(validate.stdout).toContain('text/too-long');
    expect(validate.stdout).toContain('40000');
    refusedMerge(root, REPORT, 'text/too-long');
  });

  it('texts at the limit, joined in one ledger cell, still make a workbook Excel opens, and the form merges back', async () => {
    const near = (unit: string) => `${unit}进展${'很'.repeat(9_990)}`;
    const units = ['市审批局', '市公安局', '市司法局', '市财政局'];
    const reports = units.map((unit) => ({
      [`reports/2020-07/${unit}.yaml`]: reportYaml(unit, '2020-07', entry('1.2.1', '推进中', near(unit))),
    }));
    const area = replaceOrThrow(SMALL_AREA, 'units: [市审批局, 市司法局]', `units: [${units.join(', ')}]`);
    const root = tempLedger(Object.assign({ [AREA_FILE]: area }, ...reports));
    for (const unit of units) {
      const merge = runCli(['merge', `reports/2020-07/${unit}.yaml`, '--as-of', '2020-07-25'], root);
      expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    }
    const render = runCli(['render', '--format', 'xlsx', '--out', 'out.xlsx', '--as-of', '2020-07-26'], root);
    expect(render.code, render.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path.join(root, 'out.xlsx')) as unknown as ArrayBuffer);
    let longest = '';
    workbook.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        const text = String(cell.value ?? '');
        if (text.length > longest.length) longest = text;
      }),
    );
    // Four units' 10,000 characters make 40,000 in the 工作完成情况 cell: cut to Excel's limit, with a note.
    expect(longest.length).toBeGreaterThan(32_000);
    expect(longest.length).toBeLessThanOrEqual(32_767);
    expect(longest).toContain('超出 Excel 单元格上限');
    // The pre-filled form of one of those units goes back through merge unchanged.
    const { written } = await template({ root, unit: '市公安局', month: '2020-08', format: 'xlsx', out: 'f.xlsx' });
    await fillXlsx(written!, { '1.2.1': { 状态: '推进中' } });
    const back = runCli(['merge', written!, '--dry-run', '--as-of', '2020-08-25'], root);
    expect(back.code, back.stdout + back.stderr).toBe(0);
  });

  it('OOXML _x000D_ escapes in an xlsx cell are decoded, not kept as text', async () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const { written } = await template({ root, unit: '市司法局', month: '2020-07', format: 'xlsx', out: 'f.xlsx' });
    await fillXlsx(written!, { '1.2.1': { 状态: '推进中', 工作完成情况: '第一行_x000D_\n第二行_x0009_完' } });
    const merge = runCli(['merge', written!, '--as-of', '2020-07-25'], root);
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    const area = readFileSync(path.join(root, AREA_FILE), 'utf8');
    expect(area).not.toContain('_x000D_');
    expect(area).not.toContain('_x0009_');
    expect(area).toContain('第二行\t完');
  });
});
