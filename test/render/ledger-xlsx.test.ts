import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/commands/render/run.js';
import { measureLabel, unitsLabel } from '../../src/core/model/ledger-labels.js';
import { LEDGER_COLUMNS } from '../../src/core/summaries/ledger-table.js';
import { measureRefs } from '../../src/core/model/ledger.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { HEADER_ROW, LEDGER_SHEET } from '../../src/render/ledger-xlsx.js';
import { HIGHLIGHT } from '../../src/render/xlsx-style.js';
import { REPO_ROOT, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { TRICKY_AREA } from '../helpers/render-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

async function renderAndRead(root: string, asOf: string, extra: { unit?: string; area?: number } = {}) {
  const out = path.join(tempDir(), '台账.xlsx');
  const result = await render({ root, asOf, worktree: true, format: 'xlsx', out, ...extra });
  expect(result.diagnostics).toEqual([]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  const sheet = workbook.getWorksheet(LEDGER_SHEET)!;
  return { sheet, workbook, result, out };
}

/** The rows after which the sheet breaks pages (exceljs does not read them back; the sheet's XML has them). */
async function rowBreaks(file: string): Promise<number[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  return [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
}

function text(sheet: ExcelJS.Worksheet, row: number, col: number): string {
  const value = sheet.getCell(row, col).value;
  return value === null || value === undefined ? '' : String(value);
}

/** Data rows as read back: [row number, column C text, column D text]. */
function measureCells(sheet: ExcelJS.Worksheet): { row: number; measure: string; units: string }[] {
  const rows = [];
  for (let row = HEADER_ROW + 1; row <= sheet.rowCount; row++)
    rows.push({ row, measure: text(sheet, row, 3), units: text(sheet, row, 4) });
  return rows;
}

describe('ledger render --format xlsx', () => {
  it('writes the six columns, merged area and task cells, a frozen and repeated header', async () => {
    const root = tempLedger({
      'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA,
      'ledger/02-提升项目建设审批便利度.yaml': TRICKY_AREA,
    });
    const { sheet } = await renderAndRead(root, '2020-07-25');
    expect(LEDGER_COLUMNS.map((_, i) => text(sheet, HEADER_ROW, i + 1))).toEqual([...LEDGER_COLUMNS]);
    expect(text(sheet, 1, 1)).toBe('工作台账');
    const merges = sheet.model.merges;
    // area 1: rows 4–8 (five measures); task 1.1: rows 4–5; task 1.2: rows 6–8; area 2 is one row, so no merge.
    expect(merges).toEqual(expect.arrayContaining(['A1:F1', 'A4:A8', 'B4:B5', 'B6:B8']));
    expect(merges.filter((m) => /^[AB]\d/.test(m) && m !== 'A1:F1')).toHaveLength(3);
    expect(text(sheet, 4, 1)).toBe('一、持续深化商事制度改革（市审批局牵头）');
    expect(text(sheet, 9, 1)).toBe('二、提升项目建设审批便利度（市审批局、市住建局分别牵头）');
    expect(text(sheet, 6, 2)).toMatch(/^2\.深化减证便民行动。全面推行/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      orientation: 'landscape',
      paperSize: 8,
      fitToWidth: 1,
    });
    expect(sheet.getCell(5, 3).alignment?.wrapText).toBe(true);
    expect(sheet.getCell(5, 3).font?.name).toBe('宋体');
    expect(sheet.getCell(5, 3).border?.top?.style).toBe('thin');
  });

  it('highlights a measure overdue on the given date and explains the colour', async () => {
    const { sheet } = await renderAndRead(tempLedger(), '2020-07-25');
    const fill = (row: number, col: number) =>
      (sheet.getCell(row, col).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    // 1.1.2 (2020年6月底前) is 25 days overdue; 1.1.1 (2020年底前) is not.
    expect(text(sheet, 5, 3)).toMatch(/^2）优化企业开办线下服务/);
    expect(fill(5, 3)).toBe(HIGHLIGHT.逾期);
    expect(fill(5, 5)).toBe(HIGHLIGHT.逾期);
    expect(text(sheet, 5, 5)).toBe('未启动（逾期 25 天）');
    expect(fill(4, 3)).toBeUndefined();
    expect(fill(2, 1)).toBe(HIGHLIGHT.逾期);
    expect(text(sheet, 2, 3)).toContain('逾期 2 项');
  });

  it('gives rows under a merged task enough height for its text', async () => {
    const { sheet } = await renderAndRead(tempLedger(), '2020-07-25');
    for (let row = HEADER_ROW + 1; row <= sheet.rowCount; row++)
      expect(sheet.getRow(row).height).toBeGreaterThanOrEqual(20);
  });

  it('lists every measure of the bundled ledger exactly once, with its deadline and units, merged per area and task', async () => {
    const { ledger } = loadLedger(REPO_ROOT);
    const refs = measureRefs(ledger);
    const { sheet, out } = await renderAndRead(REPO_ROOT, '2020-12-01');
    const breaks = await rowBreaks(out);
    expect(breaks.length).toBeGreaterThan(5);
    const cells = measureCells(sheet);
    expect(cells).toHaveLength(refs.length);
    refs.forEach((ref, i) => {
      expect(cells.filter((c) => c.measure === measureLabel(ref.measure))).toHaveLength(1);
      expect(cells[i]!.measure).toContain(`（完成时限：${ref.measure.deadline}）`);
      expect(cells[i]!.units).toBe(unitsLabel(ref.measure));
    });
    const expected = expectedMerges(refs, breaks);
    expect(sheet.model.merges.filter((m) => /^[AB]\d/.test(m) && m !== 'A1:F1').sort()).toEqual(expected.sort());
    // Each page starts with its area named, and a task that goes on is named again with （续）.
    for (const row of breaks) {
      expect(text(sheet, row + 1, 1)).toMatch(/^[一二三四五六七八九十]+、/);
      expect(text(sheet, row + 1, 2)).not.toBe('');
    }
  });

  it('filters by unit and by area', async () => {
    const byUnit = await renderAndRead(tempLedger(), '2020-07-25', { unit: '中级法院' });
    expect(measureCells(byUnit.sheet).map((c) => c.measure)).toEqual([
      expect.stringMatching(/^2）建立破产案件快速审理机制/),
    ]);
    const byGroup = await renderAndRead(tempLedger(), '2020-07-25', { unit: '平罗县' });
    expect(measureCells(byGroup.sheet)).toHaveLength(1);
    await expect(
      render({ root: tempLedger(), asOf: '2020-07-25', format: 'xlsx', area: 9, out: path.join(tempDir(), 'x.xlsx') }),
    ).rejects.toThrow('没有序号为 9');
  });
});

/** Area and task cells merged over their measures, but never across a page break. */
function expectedMerges(refs: ReturnType<typeof measureRefs>, breaks: readonly number[]): string[] {
  const merges: string[] = [];
  const pageOf = (i: number) => breaks.filter((row) => row < i + HEADER_ROW + 1).length;
  const span = (col: string, key: (i: number) => string) => {
    let start = 0;
    for (let i = 1; i <= refs.length; i++) {
      if (i < refs.length && key(i) === key(start) && pageOf(i) === pageOf(start)) continue;
      if (i - start > 1) merges.push(`${col}${start + HEADER_ROW + 1}:${col}${i + HEADER_ROW}`);
      start = i;
    }
  };
  span('A', (i) => String(refs[i]!.area.area));
  span('B', (i) => refs[i]!.task.id);
  return merges;
}
