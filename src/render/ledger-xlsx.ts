/**
 * The 台账 as an xlsx file in the attachment's layout, written with exceljs's
 * streaming writer: rows are flushed to disk as they are finished, so memory
 * stays bounded for ledgers of any size. exceljs is imported here only.
 */
import type { Worksheet } from 'exceljs';
import { LEDGER_COLUMNS, type LedgerRow, type LedgerTable } from '../core/ledger-table.js';
import type { Writable } from 'node:stream';
import { keepDatesWhole } from './print-text.js';
import { fittingHeight, growSpan, linesHeight, wrappedLineCount } from './cell-layout.js';
import {
  BODY_FONT_SIZE,
  HIGHLIGHT,
  PAGE_FOOTER,
  bodyStyle,
  headerStyle,
  printSetup,
  titleStyle,
} from './xlsx-style.js';

/** Column widths in Excel units, in the order of LEDGER_COLUMNS. */
export const LEDGER_WIDTHS: readonly number[] = [14, 32, 56, 20, 34, 16];
export const LEDGER_SHEET = '工作台账';
/** Rows above the data: title, legend, header. */
export const HEADER_ROW = 3;
const ALIGN = ['center', 'left', 'left', 'center', 'left', 'left'] as const;
/** Merged area and task cells can span pages: their text sits at the top, where a reader starts. */
const VERTICAL = ['top', 'top', 'middle', 'middle', 'middle', 'middle'] as const;

/** Streams the workbook into `stream` (the caller decides where it goes; see io/atomic-stream-file) and ends it. */
export async function writeLedgerXlsx(table: LedgerTable, stream: Writable): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'ledger';
  const sheet = workbook.addWorksheet(LEDGER_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }],
    pageSetup: printSetup(`${HEADER_ROW}:${HEADER_ROW}`),
    headerFooter: PAGE_FOOTER,
  });
  sheet.columns = LEDGER_WIDTHS.map((width) => ({ width }));
  writeHead(sheet, table);
  writeBody(sheet, table, ledgerRowHeights(table));
  sheet.commit();
  await workbook.commit();
}

function writeHead(sheet: Worksheet, table: LedgerTable): void {
  sheet.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  const title = sheet.getRow(1);
  title.getCell(1).value = table.scope ? `${table.title}（${table.scope}）` : table.title;
  title.getCell(1).style = titleStyle();
  title.height = 36;
  title.commit();

  const legend = sheet.getRow(2);
  sheet.mergeCells(2, 3, 2, LEDGER_COLUMNS.length);
  legend.getCell(1).value = '逾期';
  legend.getCell(1).style = bodyStyle('center', HIGHLIGHT.逾期);
  legend.getCell(2).value = '严重逾期';
  legend.getCell(2).style = bodyStyle('center', HIGHLIGHT.严重逾期);
  const text = legendText(table);
  for (let col = 3; col <= LEDGER_COLUMNS.length; col++) legend.getCell(col).style = bodyStyle('left');
  legend.getCell(3).value = text;
  legend.height = Math.max(
    linesHeight(1),
    linesHeight(
      wrappedLineCount(
        text,
        LEDGER_WIDTHS.slice(2).reduce((a, b) => a + b, 0),
      ),
    ),
  );
  legend.commit();

  const header = sheet.getRow(HEADER_ROW);
  LEDGER_COLUMNS.forEach((name, i) => {
    header.getCell(i + 1).value = name;
    header.getCell(i + 1).style = headerStyle();
  });
  header.height = 30;
  header.commit();
}

export function legendText(table: LedgerTable): string {
  const escalated = table.areas.flatMap((a) => a.tasks.flatMap((t) => t.rows)).filter((r) => r.state.escalated).length;
  return (
    `截至 ${table.asOf}：共 ${table.measureCount} 项具体措施，逾期 ${table.overdueCount} 项（其中严重逾期 ${escalated} 项）。` +
    '标色的措施已过完成时限仍未完成；完成时限按文件原文，已批准的延期见备注。'
  );
}

function writeBody(sheet: Worksheet, table: LedgerTable, heights: readonly number[]): void {
  let rowNumber = HEADER_ROW + 1;
  let index = 0;
  for (const area of table.areas) {
    const areaRows = area.tasks.reduce((n, t) => n + t.rows.length, 0);
    if (areaRows > 1) sheet.mergeCells(rowNumber, 1, rowNumber + areaRows - 1, 1);
    let first = true;
    for (const task of area.tasks) {
      if (task.rows.length > 1) sheet.mergeCells(rowNumber, 2, rowNumber + task.rows.length - 1, 2);
      task.rows.forEach((row, i) => {
        const labels = [first ? area.label : undefined, i === 0 ? task.label : undefined] as const;
        writeRow(sheet, rowNumber, row, labels, heights[index]!);
        first = false;
        rowNumber++;
        index++;
      });
    }
  }
}

function writeRow(
  sheet: Worksheet,
  rowNumber: number,
  row: LedgerRow,
  labels: readonly [string?, string?],
  height: number,
): void {
  const xlsxRow = sheet.getRow(rowNumber);
  const fill = row.state.escalated ? HIGHLIGHT.严重逾期 : row.state.overdue ? HIGHLIGHT.逾期 : undefined;
  const values = [...labels, ...row.cells];
  values.forEach((value, i) => {
    const cell = xlsxRow.getCell(i + 1);
    if (value !== undefined) cell.value = keepDatesWhole(value);
    cell.style = bodyStyle(ALIGN[i], i >= 2 ? fill : undefined, VERTICAL[i]);
  });
  xlsxRow.height = height;
  xlsxRow.commit();
}

/**
 * Heights (points) of the data rows in order: each fits its own cells, then
 * rows under a merged task or area cell grow together until that text fits.
 */
export function ledgerRowHeights(table: LedgerTable): number[] {
  const widths = LEDGER_WIDTHS.slice(2);
  const heights: number[] = [];
  for (const area of table.areas) {
    const areaStart = heights.length;
    for (const task of area.tasks) {
      const taskStart = heights.length;
      for (const row of task.rows) heights.push(fittingHeight(row.cells, widths, BODY_FONT_SIZE));
      growSpan(heights, taskStart, heights.length - 1, fittingHeight([task.label], [LEDGER_WIDTHS[1]!]));
    }
    growSpan(heights, areaStart, heights.length - 1, fittingHeight([area.label], [LEDGER_WIDTHS[0]!]));
  }
  return heights;
}
