import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { template } from '../../src/commands/template/run.js';
import { fillXlsx } from '../helpers/fill-xlsx.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, replaceOrThrow, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree, tempDir } from '../helpers/temp-dir.js';

/** Issue 10, case 8: bounded and honest input. Each hostile file is made here. */

const AS_OF = ['--as-of', '2020-07-25'];

/** A filled-in report form for 市审批局, 2020-07, as a person would save it. */
async function form(root: string, cells: Record<string, Record<string, ExcelJS.CellValue>> = {}): Promise<string> {
  const out = path.join(tempDir(), '市审批局-2020-07-报送表.xlsx');
  await template({ root, unit: '市审批局', month: '2020-07', format: 'xlsx', out });
  await fillXlsx(out, { '1.1.2': { 状态: '推进中', 工作完成情况: '已优化流程' }, ...cells });
  return out;
}

function expectRefused(root: string, before: Record<string, string>, run: { code: number; stdout: string }) {
  expect(run.code).toBe(1);
  expect(snapshotTree(root)).toEqual(before);
  expect(run.stdout).toContain('未合并任何报送');
}

describe('bounded input', { timeout: 180_000 }, () => {
  it('an xlsx whose parts inflate beyond the cap is refused before parsing (zip bomb)', async () => {
    const root = tempLedger();
    const file = await form(root);
    const bytes = readFileSync(file);
    // Make the first central-directory entry claim 300 MB uncompressed, as a zip bomb does.
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(300 * 1024 * 1024, central + 24);
    writeFileSync(file, bytes);
    const before = snapshotTree(root);
    const run = runCli(['merge', file, ...AS_OF], root);
    expectRefused(root, before, run);
    expect(run.stdout).toContain('[report/xlsx-too-large]');
    expect(run.stdout).toContain(path.basename(file));
    expect(run.stdout).toContain('压缩炸弹');
    const big = path.join(tempDir(), '大.xlsx');
    writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 1));
    const huge = runCli(['merge', big, ...AS_OF], root);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('超过上限 20.0 MB');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('formula cells without a saved value and error values are reported at their cell, not dropped', async () => {
    const root = tempLedger();
    const file = await form(root, {
      '1.1.2': { 状态: '推进中', 工作完成情况: { formula: 'A1&"x"' } as ExcelJS.CellValue },
      '1.1.1': { 状态: { formula: '1/0', result: { error: '#VALUE!' } } as ExcelJS.CellValue, 工作完成情况: '进展' },
    });
    const before = snapshotTree(root);
    const run = runCli(['merge', file, ...AS_OF], root);
    expectRefused(root, before, run);
    expect(run.stdout).toContain('[report/xlsx-formula]');
    expect(run.stdout).toContain('[report/xlsx-error-value]');
    expect(run.stdout).toContain('#VALUE!');
  });

  it('a text cell over 32,767 characters is refused', async () => {
    const root = tempLedger();
    const file = await form(root, { '1.1.2': { 状态: '推进中', 工作完成情况: '长'.repeat(40_000) } });
    const before = snapshotTree(root);
    const run = runCli(['merge', file, ...AS_OF], root);
    expectRefused(root, before, run);
    expect(run.stdout).toContain('[report/xlsx-cell-too-long]');
    expect(run.stdout.length).toBeLessThan(5_000);
  });

  it('a hidden sheet is never merged instead of the visible one', async () => {
    const root = tempLedger();
    const file = await form(root, { '1.1.2': { 状态: '已完成', 工作完成情况: '隐藏表里的内容' } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    workbook.worksheets[0]!.state = 'hidden';
    workbook.addWorksheet('Sheet2').getCell('A1').value = '可见但空白';
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const before = snapshotTree(root);
    const run = runCli(['merge', file, ...AS_OF], root);
    expectRefused(root, before, run);
    expect(run.stdout).toContain('[report/xlsx-hidden-sheet]');
    expect(run.stdout).toContain('读取的是可见的工作表“Sheet2”');
    expect(run.stdout).not.toContain('隐藏表里的内容');
  });

  it('NUL bytes and UTF-16 in YAML are refused, each with its own hint', () => {
    const nul = tempLedger({ [AREA_FILE]: replaceOrThrow(SMALL_AREA, 'title: 持续深化', 'title: 持续\u0000深化') });
    const run = runCli(['validate'], nul);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${AREA_FILE}:2:10: 错误 [file/nul-byte]`);
    const utf16 = tempLedger({
      [AREA_FILE]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SMALL_AREA, 'utf16le')]),
    });
    const wide = runCli(['validate'], utf16);
    expect(wide.code).toBe(1);
    expect(wide.stdout).toContain('UTF-16');
    expect(wide.stdout).toContain('iconv -f UTF-16');
    expect(wide.stdout).not.toContain('GB18030');
  });

  it('.YAML files and stray non-YAML files in ledger/ are reported', () => {
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      'ledger/02-第二.YAML': replaceOrThrow(SMALL_AREA, 'area: 1', 'area: 2'),
      'ledger/01-持续深化商事制度改革.yaml.1234.0.tmp': 'half',
    });
    const run = runCli(['validate'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('ledger/02-第二.YAML: 错误 [ledger/stray-file]');
    expect(run.stdout).toContain('扩展名不是小写的 .yaml');
    expect(run.stdout).toContain('ledger/01-持续深化商事制度改革.yaml.1234.0.tmp: 警告 [ledger/stray-file]');
  });

  it('import refuses a device file and a wrong file without listing deletions', () => {
    const root = tempLedger();
    const before = snapshotTree(root);
    const zero = runCli(['import', '/dev/zero'], root);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('拒绝读取 /dev/zero：它是设备文件，不是普通文件');
    writeFileSync(path.join(root, '说明.txt'), '这是一份会议纪要，不是改革方案。\n');
    const wrong = runCli(['import', '说明.txt'], root);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('import/no-attachment');
    expect(wrong.stdout).not.toContain('删除');
    const { ['说明.txt']: _note, ...after } = snapshotTree(root);
    void _note;
    expect(after).toEqual(before);
  });

  it('a shallow clone is detected by the history-based commands, with the fix', () => {
    const origin = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA, 'reports/.gitkeep': '' });
    origin.commit('台账', {}, { date: '2020-06-01T09:00:00+08:00' });
    origin.commit('第二次', { 'reports/2020-07/市审批局.yaml': 'unit: 市审批局\nmonth: 2020-07\nentries: []\n' });
    const clone = path.join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, clone]);
    for (const args of [
      ['missing', '--month', '2020-07'],
      ['history', '1.1.1'],
      ['log'],
      ['check', '--base', 'HEAD'],
    ]) {
      const run = runCli(args, clone);
      expect(run.stderr, args.join(' ')).toContain('浅克隆');
      expect(run.stderr).toContain('git fetch --unshallow');
    }
    const full = runCli(['log'], origin.dir);
    expect(full.stderr).not.toContain('浅克隆');
  });
});
