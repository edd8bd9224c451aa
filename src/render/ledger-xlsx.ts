/**
 * The 台账 as an xlsx file in the attachment's layout, written with exceljs's
 * streaming writer: rows are flushed to disk as they are finished, so memory
 * stays bounded for ledgers of any size. exceljs is imported here only.
 */
import type { Worksheet } from 'exceljs';
import { LEDGER_COLUMNS, type LedgerRow, type LedgerTable } from '../core/summaries/ledger-table.js';
import type { Writable } from 'node:stream';
import { keepDatesWhole } from './print-text.js';
import { fittingHeight, growSpan, linesHeight, wrappedLineCount } from './cell-layout.js';
import {
  BODY_FONT_SIZE,
  HIGHLIGHT,
  PAGE_FOOTER,
  bodyStyle,
  cellText,
  headerStyle,
  printSetup,
  printableArea,
  scaleAcross,
  titleStyle,
} from './xlsx-style.js';
import { planLedgerPages, type PageSpace, type PlannedRow } from './ledger-pages.js';

/** Column widths in Excel units, in the order of LEDGER_COLUMNS. */
export const LEDGER_WIDTHS: readonly number[] = [14, 32, 56, 20, 34, 16];
export const LEDGER_SHEET = '工作台账';
/** Rows above the data: title, legend, header. */
export const HEADER_ROW = 3;
const ALIGN = ['center', 'left', 'left', 'center', 'left', 'left'] as const;
/** Merged area and task cells can span pages: their text sits at the top, where a reader starts. */
const VERTICAL = ['top', 'top', 'middle', 'middle', 'middle', 'middle'] as const;

/** Streams the workbook into `stream` (the caller decides where it goes; see io/atomic-file) and ends it. */
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
    pageSetup: printSetup(`${HEADER_ROW}:${HEADER_ROW}`, 'A3', 'landscape', LEDGER_SCALE),
    headerFooter: PAGE_FOOTER,
  });
  sheet.columns = LEDGER_WIDTHS.map((width) => ({ width }));
  const legendHeight = writeHead(sheet, table);
  writeBody(sheet, planLedgerPages(table, LEDGER_WIDTHS, ledgerPageSpace(legendHeight)));
  sheet.commit();
  await workbook.commit();
}

/** Writes title, legend and header; returns the legend's height. */
function writeHead(sheet: Worksheet, table: LedgerTable): number {
  sheet.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  const title = sheet.getRow(1);
  title.getCell(1).value = table.scope ? `${table.title}（${table.scope}）` : table.title;
  title.getCell(1).style = titleStyle();
  title.height = TITLE_HEIGHT;
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
  header.height = HEADER_HEIGHT;
  header.commit();
  return legend.height;
}

export function legendText(table: LedgerTable): string {
  const escalated = table.areas.flatMap((a) => a.tasks.flatMap((t) => t.rows)).filter((r) => r.state.escalated).length;
  return (
    `截至 ${table.asOf}：共 ${table.measureCount} 项具体措施，逾期 ${table.overdueCount} 项（其中严重逾期 ${escalated} 项）。` +
    (table.version ? `${table.version}。` : '') +
    '标色的措施已过完成时限仍未完成；完成时限按文件原文，已批准的延期见备注。'
  );
}

function writeBody(sheet: Worksheet, plan: readonly PlannedRow[]): void {
  plan.forEach((planned, index) => {
    const rowNumber = HEADER_ROW + 1 + index;
    if (planned.area && planned.area.span > 1) sheet.mergeCells(rowNumber, 1, rowNumber + planned.area.span - 1, 1);
    if (planned.task && planned.task.span > 1) sheet.mergeCells(rowNumber, 2, rowNumber + planned.task.span - 1, 2);
    const labels = [planned.area?.label, planned.task?.label] as const;
    writeRow(sheet, rowNumber, planned.row, labels, planned.height, planned.breakAfter === true);
  });
}

/** Rows of the title and legend above the header on the first page, in points. */
const TITLE_HEIGHT = 36;
const HEADER_HEIGHT = 30;
/**
 * Points of a page that rows may not count on: LibreOffice gives the footer its own room inside the
 * bottom margin (about 7 pt more than Excel), and row heights round; planned pages keep this spare.
 */
const PAGE_SPARE = 16;

/** The 台账's print scale: its columns fit across A3 landscape. */
export const LEDGER_SCALE = scaleAcross('A3', 'landscape', LEDGER_WIDTHS);

/** Points of rows per page at the print scale: the first page under the title, legend and header, the rest under the header. */
export function ledgerPageSpace(legendHeight: number): PageSpace {
  const page = (printableArea('A3', 'landscape').height - PAGE_SPARE) / (LEDGER_SCALE / 100);
  return { first: page - TITLE_HEIGHT - legendHeight - HEADER_HEIGHT, rest: page - HEADER_HEIGHT };
}

function writeRow(
  sheet: Worksheet,
  rowNumber: number,
  row: LedgerRow,
  labels: readonly [string?, string?],
  height: number,
  breakAfter: boolean,
): void {
  const xlsxRow = sheet.getRow(rowNumber);
  const fill = row.state.escalated ? HIGHLIGHT.严重逾期 : row.state.overdue ? HIGHLIGHT.逾期 : undefined;
  const values = [...labels, ...row.cells];
  values.forEach((value, i) => {
    const cell = xlsxRow.getCell(i + 1);
    if (value !== undefined) cell.value = cellText(keepDatesWhole(value));
    cell.style = bodyStyle(ALIGN[i], i >= 2 ? fill : undefined, VERTICAL[i]);
  });
  xlsxRow.height = height;
  if (breakAfter) xlsxRow.addPageBreak();
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
