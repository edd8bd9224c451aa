import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summary } from '../../src/commands/summary/run.js';
import { wrappedLineCount, textUnits } from '../../src/render/cell-layout.js';
import { keepDatesWhole, NO_BREAK_HYPHEN } from '../../src/render/print-text.js';
import { SUMMARY_HEADER_ROW, titleLayout } from '../../src/render/summary-xlsx.js';
import { columnsPoints, printableArea } from '../../src/render/xlsx-style.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, tempLedger } from '../helpers/ledger-fixture.js';
import { DONE_AREA } from '../helpers/render-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

const plain = (value: unknown) => String(value ?? '').replaceAll(NO_BREAK_HYPHEN, '-');

async function readSheets(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe('summary xlsx on paper', () => {
  it('prints every sheet on A4, portrait whenever its columns fit across the page', async () => {
    const out = path.join(tempDir(), 's.xlsx');
    await summary({ root: tempLedger({ 'ledger/03-a.yaml': DONE_AREA }), month: '2020-07', format: 'xlsx', out });
    const workbook = await readSheets(out);
    for (const sheet of workbook.worksheets) {
      const widths = sheet.columns.map((c) => c.width ?? 9);
      const fits = columnsPoints(widths) <= printableArea('A4', 'portrait').width;
      expect(sheet.pageSetup.paperSize, sheet.name).toBe(9);
      expect(sheet.pageSetup.orientation, sheet.name).toBe(fits ? 'portrait' : 'landscape');
      expect(sheet.pageSetup.fitToPage, sheet.name).toBeFalsy();
    }
    expect(workbook.getWorksheet('总体情况')!.pageSetup.orientation).toBe('portrait');
  });

  it('lists the lead of each measure due next month', async () => {
    const out = path.join(tempDir(), 's.xlsx');
    await summary({ root: tempLedger({ 'ledger/03-a.yaml': DONE_AREA }), month: '2020-07', format: 'xlsx', out });
    const sheet = (await readSheets(out)).getWorksheet('下月到期')!;
    const header = (sheet.getRow(SUMMARY_HEADER_ROW).values as unknown[]).slice(1);
    const row = (sheet.getRow(SUMMARY_HEADER_ROW + 1).values as unknown[]).slice(1).map(plain);
    expect(row[header.indexOf('编号')]).toBe('3.1.3');
    expect(row[header.indexOf('牵头单位')]).toBe('市税务局');
    expect(row[header.indexOf('到期日')]).toBe('2020-08-31');
    expect(String(sheet.getRow(SUMMARY_HEADER_ROW + 1).getCell(header.indexOf('到期日') + 1).value)).toContain(
      NO_BREAK_HYPHEN,
    );
  });

  it('shows a report’s file by its name and its first commit as 2020-07-23 10:00', async () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, 'ledger/03-a.yaml': DONE_AREA });
    repo.commit('台账', {}, { date: '2020-07-01T09:00:00+08:00' });
    const report = `unit: 市人社局\nmonth: "2020-07"\nentries:\n  - id: "3.1.3"\n    status: 推进中\n    progress: 联调。\n`;
    repo.commit('报送', { 'reports/2020-07/市人社局.yaml': report }, { date: '2020-07-23T10:00:00+08:00' });
    const result = await summary({ root: repo.dir, month: '2020-07', format: 'md', out: '-' });
    expect(result.text).toContain('| 市人社局 | 迟报 | 市人社局.yaml | 2020-07-23 10:00 |');
    expect(result.text).not.toContain('T10:00');
  });

  it('keeps the title on one line or breaks it after the ledger title, never before a lone bracket', () => {
    const ledger = '石嘴山市深化“放管服”改革优化营商环境工作台账';
    const whole = `${ledger}月度汇总（2020年12月）`;
    for (const width of [60, 76, 90, 120, 200]) {
      const { lines, size } = titleLayout({ whole, ledger }, width);
      expect(lines.join('')).toBe(whole);
      for (const line of lines) {
        expect(line).not.toMatch(/^[）)]/);
        expect(wrappedLineCount(line, width, size), `${width}: ${line}`).toBe(1);
      }
      if (textUnits(whole, 14) <= width - 2) expect(lines).toEqual([whole]);
      else expect(lines).toEqual([ledger, '月度汇总（2020年12月）']);
    }
    expect(titleLayout({ whole: '短标题（2020年7月）', ledger: '短标题' }, 76)).toEqual({
      lines: ['短标题（2020年7月）'],
      size: 18,
    });
  });

  it('keeps dates whole: they wrap as one word and carry non-breaking hyphens', () => {
    expect(keepDatesWhole('已批准延期至 2020-09-30，2020-10 报送；编号 1.1.2-a')).toBe(
      '已批准延期至 2020‑09‑30，2020‑10 报送；编号 1.1.2-a',
    );
    // 已批准延期至 takes 12.6 units; the date (11) does not fit after it in 15 usable units and moves whole.
    expect(wrappedLineCount('已批准延期至 2020‑09‑30', 16)).toBe(2);
    expect(wrappedLineCount('汉'.repeat(7), 16)).toBe(1);
    expect(wrappedLineCount('a'.repeat(40), 16)).toBe(3);
  });
});
