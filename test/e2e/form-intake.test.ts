import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { merge } from '../../src/commands/merge/run.js';
import { gatherReportCounts } from '../../src/io/report-counts.js';
import { template } from '../../src/commands/template/run.js';
import { findMeasure } from '../../src/core/model/ledger.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { fillXlsx } from '../helpers/fill-xlsx.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE } from '../helpers/report-fixture.js';

/** Sets cells by address (header fields, rows under the table) as an office would. */
async function editCells(file: string, edit: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  edit(workbook.worksheets[0]!);
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

async function filledForm(root: string, unit = '市司法局'): Promise<string> {
  const { written } = await template({ root, unit, month: '2020-07', format: 'xlsx', out: 'in/form.xlsx' });
  await fillXlsx(written!, { '1.2.1': { 状态: '推进中', 工作完成情况: '清单已公布\n下一步：政务网公开' } });
  await editCells(written!, (sheet) => {
    sheet.getCell('F2').value = '张三';
    sheet.getCell('H2').value = 13800000000;
    sheet.getCell('J2').value = '李四';
    sheet.getCell('L2').value = '2020年7月16日';
  });
  return written!;
}

describe('report forms as offices send them', () => {
  it('a form with signature rows under the table merges, with a one-line note', async () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const form = await filledForm(root);
    await editCells(form, (sheet) => {
      const last = sheet.rowCount;
      sheet.getCell(last + 2, 1).value = '填报人：张三　联系电话：13800000000';
      sheet.mergeCells(last + 2, 1, last + 2, 12);
      sheet.getCell(last + 3, 1).value = '审核人：李四';
      sheet.getCell(last + 3, 5).value = '（盖章）';
    });
    const result = await merge({ root, paths: [form], asOf: '2020-07-18' });
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['report/rows-ignored', 'warning']]);
    expect(result.diagnostics[0]!.message).toMatch(/表格下方第 \d+、\d+ 行没有措施编号（签字、盖章、备注等），已忽略$/);
    const stored = readFileSync(path.join(root, 'reports/2020-07/市司法局.yaml'), 'utf8');
    expect(stored).toMatch(/^filled_by: 张三/m);
    expect(stored).toMatch(/^phone: "13800000000"/m);
    expect(stored).toMatch(/^reviewed_by: 李四/m);
    expect(stored).toMatch(/^submitted_on: 2020-07-16/m);
  });

  it('a row with a status but no measure id is still an error, with its cell', async () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const form = await filledForm(root);
    let row = 0;
    await editCells(form, (sheet) => {
      row = sheet.rowCount + 1;
      sheet.getCell(row, 4).value = '已完成';
    });
    const result = await merge({ root, paths: [form], asOf: '2020-07-18' });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.line, d.col])).toEqual([['report/row-without-id', row, 1]]);
    expect(errors[0]!.message).toContain(`A${row}`);
  });

  it('a bad date in the form names its cell', async () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const form = await filledForm(root);
    await fillXlsx(form, { '1.2.1': { 状态: '已完成', 完成日期: '2020-02-30' } });
    const result = await merge({ root, paths: [form], asOf: '2020-07-18' });
    expect(result.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['schema/invalid-date', 5, 9]]);
    expect(result.diagnostics[0]!.message).toContain('I5');
    expect(result.diagnostics[0]!.message).toContain('2020-02-30 不是有效日期');
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!soffice)(
    'a form saved by LibreOffice with 填报人 fields merges and the fields reach the ledger',
    async () => {
      const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
      const form = await filledForm(root);
      const saved = spawnSync(
        'soffice',
        ['--headless', '--convert-to', 'xlsx', '--outdir', path.join(root, 'out'), form],
        {
          encoding: 'utf8',
          env: { ...process.env, HOME: root },
        },
      );
      expect(saved.status, saved.stderr).toBe(0);
      const result = await merge({ root, paths: ['out/form.xlsx'], asOf: '2020-07-18', received: '2020-07-17' });
      expect(result.diagnostics).toEqual([]);
      const stored = readFileSync(path.join(root, 'reports/2020-07/市司法局.yaml'), 'utf8');
      expect(stored).toMatch(/^filled_by: 张三/m);
      expect(stored).toMatch(/^reviewed_by: 李四/m);
      expect(stored).toMatch(/^submitted_on: 2020-07-16/m);
      // The receipt is the lead's decision, in its own folder, never a field of the unit's report.
      expect(stored).not.toMatch(/received_on/);
      const [receipt, ...more] = readdirSync(path.join(root, 'decisions'), {
        recursive: true,
        encoding: 'utf8',
      }).filter((file) => file.endsWith('2020-07-17-收件-2020-07-市司法局.yaml'));
      expect(more).toEqual([]);
      expect(receipt!.split(path.sep)[0]).not.toBe('市司法局');
      expect(readFileSync(path.join(root, 'decisions', receipt!), 'utf8')).toMatch(
        /^report: reports\/2020-07\/市司法局\.yaml$/m,
      );
      const measure = findMeasure(loadLedger(root).ledger, '1.2.1')!.measure;
      expect(measure.unit_reports?.市司法局?.progress).toBe('清单已公布\n下一步：政务网公开');
    },
  );
});

describe('missing judges mailed forms by when they arrived (merge --received)', () => {
  it('three forms received before the 20th and merged on the 25th are not late', async () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    repo.commit('台账', {}, { date: '2020-07-01T09:00:00+08:00' });
    const forms: string[] = [];
    for (const unit of ['市司法局', '市财政局', '市中级人民法院']) {
      const { written } = await template({
        root: repo.dir,
        unit,
        month: '2020-07',
        format: 'xlsx',
        out: `in/${unit}.xlsx`,
      });
      forms.push(written!);
    }
    await fillXlsx(forms[0]!, { '1.2.1': { 状态: '推进中', 工作完成情况: '推进中' } });
    await fillXlsx(forms[1]!, { '1.2.3': { 状态: '推进中', 工作完成情况: '推进中' } });
    await fillXlsx(forms[2]!, { '1.2.2': { 状态: '推进中', 工作完成情况: '推进中' } });
    for (const [form, day] of [
      [forms[0]!, '2020-07-15'],
      [forms[1]!, '2020-07-18'],
      [forms[2]!, '2020-07-20'],
    ] as const) {
      const result = await merge({ root: repo.dir, paths: [form], asOf: '2020-07-25', received: day });
      expect(result.diagnostics).toEqual([]);
    }
    repo.commit('合并 7 月报送', {}, { date: '2020-07-25T16:00:00+08:00' });
    const { ledger } = loadLedger(repo.dir);
    const counts = await gatherReportCounts(repo.dir, ledger, '2020-07');
    const rows = counts.rows.filter((r) => r.file);
    expect(rows.map((r) => [r.unit, r.state, r.received])).toEqual(
      expect.arrayContaining([
        ['市司法局', 'on-time', '2020-07-15'],
        ['市财政局', 'on-time', '2020-07-18'],
        ['市中级人民法院', 'on-time', '2020-07-20'],
      ]),
    );
    expect(counts.late).toBe(0);
  });
});
