import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { merge } from '../../src/commands/merge/run.js';
import { template } from '../../src/commands/template/run.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { findMeasure } from '../../src/core/model/ledger.js';
import { SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE } from '../helpers/report-fixture.js';
import { fillXlsx } from '../helpers/fill-xlsx.js';

describe('xlsx report form', () => {
  it('is laid out as templates/report-form.json says: locked context, a status drop-down, wrapped text', async () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const { written } = await template({ root, unit: '市审批局', month: '2020-07', format: 'xlsx', out: 'form.xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(written!) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('月度报送')!;
    expect(sheet.getCell('B2').value).toBe('市审批局');
    expect(sheet.getRow(4).values).toEqual(
      expect.arrayContaining(['编号', '具体措施', '完成时限', '状态', '工作完成情况']),
    );
    expect(sheet.getCell('A5').value).toBe('1.1.1');
    expect(sheet.getCell('A5').protection?.locked).not.toBe(false);
    expect(sheet.getCell('D5').protection?.locked).toBe(false);
    expect(sheet.getCell('D5').dataValidation).toMatchObject({ type: 'list', formulae: ['"未启动,推进中,已完成"'] });
    expect(sheet.getCell('E5').alignment?.wrapText).toBe(true);
    expect(sheet.getCell('A7').value).toBe('1.2.1');
    expect(sheet.getCell('J7').value).toBe(0); // two milestones: asks how many are met
  });

  it('merges a form filled as a spreadsheet app leaves it: typed status, Chinese text, line breaks, rich text, dates', async () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const { written } = await template({ root, unit: '市审批局', month: '2020-07', format: 'xlsx', out: 'form.xlsx' });
    await fillXlsx(written!, {
      '1.1.1': {
        状态: '推进中',
        工作完成情况: '企业登记系统已升级；\r\n正在对接税务、社保。',
        存在问题: { richText: [{ text: '数据接口' }, { text: '尚未统一', font: { bold: true } }] },
      },
      '1.1.2': {
        状态: '已完成',
        工作完成情况: '线下一窗一表单已实行',
        完成日期: new Date(Date.UTC(2020, 5, 28)),
        '佐证材料（每行一项）': 'docs/2020-07/流程图.pdf\nhttps://example.gov.cn/notice',
      },
      '1.2.1': { 状态: ' 推进中 ', 已完成时间节点数: 1, 申请延期至: '2020-09-30', 延期理由: '清单需省级审定' },
    });
    const result = await merge({ root, paths: ['form.xlsx'], asOf: '2020-07-18' });
    // The evidence path is not in the repository: a warning, the merge goes on.
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['report/evidence-missing', 'warning']]);
    expect(result.written).toEqual([AREA_FILE, 'reports/2020-07/市审批局.yaml']);
    const { ledger } = loadLedger(root);
    const m111 = findMeasure(ledger, '1.1.1')!.measure;
    expect(m111.unit_reports?.市审批局).toEqual({
      month: '2020-07',
      status: '推进中',
      progress: '企业登记系统已升级；\n正在对接税务、社保。',
      problems: '数据接口尚未统一',
    });
    const m112 = findMeasure(ledger, '1.1.2')!.measure;
    expect(m112.unit_reports?.市审批局).toMatchObject({
      status: '已完成',
      completed_on: '2020-06-28',
      evidence: ['docs/2020-07/流程图.pdf', 'https://example.gov.cn/notice'],
    });
    const m121 = findMeasure(ledger, '1.2.1')!.measure;
    expect(m121.unit_reports?.市审批局).toMatchObject({ status: '推进中', milestones_met: 1 });
    expect(m121.extensions).toEqual([
      {
        requested_by: '市审批局',
        requested_in: '2020-07',
        until: '2020-09-30',
        reason: '清单需省级审定',
        state: '待审批',
      },
    ]);
    // The stored copy is a valid report; merging the form again changes nothing.
    const again = await merge({ root, paths: ['form.xlsx', 'reports/2020-07'], asOf: '2020-07-18' });
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(again.written).toEqual([]);
  });

  it('points at the row and column of a bad cell', async () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const { written } = await template({
      root,
      unit: '市审批局',
      month: '2020-07',
      format: 'xlsx',
      out: path.join(root, 'form.xlsx'),
    });
    await fillXlsx(written!, { '1.1.2': { 状态: '进行中' } });
    const result = await merge({ root, paths: ['form.xlsx'], asOf: '2020-07-18' });
    expect(result.diagnostics.map((d) => [d.code, d.file, d.line, d.col])).toEqual([
      ['schema/invalid-value', 'form.xlsx', 6, 4],
    ]);
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!soffice)('merges a form after LibreOffice has opened and saved it', async () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const { written } = await template({
      root,
      unit: '市司法局',
      month: '2020-07',
      format: 'xlsx',
      out: 'in/form.xlsx',
    });
    await fillXlsx(written!, {
      '1.2.1': {
        状态: '已完成',
        工作完成情况: '清单已公布\n并在政务网公开',
        已完成时间节点数: 2,
        完成日期: '2020年7月6日',
      },
    });
    const saved = spawnSync(
      'soffice',
      ['--headless', '--convert-to', 'xlsx', '--outdir', path.join(root, 'out'), written!],
      { encoding: 'utf8', env: { ...process.env, HOME: root } },
    );
    expect(saved.status, saved.stderr).toBe(0);
    const result = await merge({ root, paths: ['out/form.xlsx'], asOf: '2020-07-18' });
    expect(result.diagnostics).toEqual([]);
    const measure = findMeasure(loadLedger(root).ledger, '1.2.1')!.measure;
    expect(measure.unit_reports?.市司法局).toEqual({
      month: '2020-07',
      status: '已完成',
      progress: '清单已公布\n并在政务网公开',
      completed_on: '2020-07-06', // typed 2020年7月6日, normalised
      milestones_met: 2,
    });
  });
});
