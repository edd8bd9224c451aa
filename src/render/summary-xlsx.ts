/**
 * The monthly summary as xlsx: one sheet per section, each with its title,
 * a note, a frozen header repeated on printed pages, and traffic lights as
 * coloured cells. exceljs is imported here only.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { MonthlySummary } from '../core/monthly-summary.js';
import type { Light } from '../core/rollup.js';
import { writeFileThrough } from '../io/atomic-stream-file.js';
import { fittingHeight, textUnits } from './cell-layout.js';
import { summarySections, summaryTitle, type SummarySection } from './summary-sections.js';
import { BODY_FONT, PAGE_FOOTER, bodyStyle, headerStyle, printSetup, titleStyle } from './xlsx-style.js';

export const LIGHT_FILLS: Record<Light, string> = { 红: 'FFFF6B6B', 黄: 'FFFFD966', 绿: 'FF8FD18F' };
const MIN_WIDTH = 6;
const MAX_WIDTH = 48;
const MIN_TOTAL_WIDTH = 90;
/** Rows above the data: title, note, header. */
export const SUMMARY_HEADER_ROW = 3;

export async function writeSummaryXlsx(summary: MonthlySummary, file: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  await writeFileThrough(file, async (temporary) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temporary,
      useStyles: true,
      useSharedStrings: true,
    });
    workbook.creator = 'ledger';
    for (const section of summarySections(summary)) writeSection(workbook, section, summaryTitle(summary));
    await workbook.commit();
  });
}

function writeSection(workbook: Workbook, section: SummarySection, title: string): void {
  const sheet = workbook.addWorksheet(section.name, {
    views: [{ state: 'frozen', ySplit: SUMMARY_HEADER_ROW, topLeftCell: `A${SUMMARY_HEADER_ROW + 1}` }],
    pageSetup: printSetup(`${SUMMARY_HEADER_ROW}:${SUMMARY_HEADER_ROW}`),
    headerFooter: PAGE_FOOTER,
  });
  const widths = columnWidths(section);
  sheet.columns = widths.map((width) => ({ width }));
  const span = Math.max(section.header.length, 1);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  mergedLine(
    sheet,
    1,
    span,
    `${title}\n${section.title}`,
    titleStyle(),
    fittingHeight([`${title}\n${section.title}`], [totalWidth], 18),
  );
  mergedLine(sheet, 2, span, section.note ?? '', bodyStyle('left'), fittingHeight([section.note ?? ''], [totalWidth]));
  const header = sheet.getRow(SUMMARY_HEADER_ROW);
  section.header.forEach((name, i) => {
    header.getCell(i + 1).value = name;
    header.getCell(i + 1).style = headerStyle();
  });
  header.height = fittingHeight(section.header, widths, 12);
  header.commit();
  section.rows.forEach((cells, index) => writeDataRow(sheet, section, cells, index, widths));
  sheet.commit();
}

function mergedLine(
  sheet: Worksheet,
  rowNumber: number,
  span: number,
  text: string,
  style: ReturnType<typeof bodyStyle>,
  height: number,
): void {
  if (span > 1) sheet.mergeCells(rowNumber, 1, rowNumber, span);
  const row = sheet.getRow(rowNumber);
  row.getCell(1).value = text;
  row.getCell(1).style = { ...style, border: {}, alignment: { ...style.alignment, wrapText: true } };
  row.height = height;
  row.commit();
}

function writeDataRow(
  sheet: Worksheet,
  section: SummarySection,
  cells: readonly string[],
  index: number,
  widths: readonly number[],
): void {
  const row = sheet.getRow(SUMMARY_HEADER_ROW + 1 + index);
  const total = section.totalRow === true && index === section.rows.length - 1;
  const centered = section.header.map(
    (_, col) => col === section.lightColumn || section.rows.every((r) => /^[\d.%—-]*$/.test(r[col] ?? '')),
  );
  cells.forEach((text, col) => {
    const cell = row.getCell(col + 1);
    cell.value = isNumeric(text) ? Number(text) : text;
    const light = col === section.lightColumn ? LIGHT_FILLS[text as Light] : undefined;
    const style = bodyStyle(centered[col] ? 'center' : 'left', light);
    cell.style = total ? { ...style, font: { ...BODY_FONT, bold: true } } : style;
  });
  row.height = fittingHeight(cells, widths);
  row.commit();
}

/** Plain counts become numbers so that a spreadsheet can add them up; ids like 1.1.1 stay text. */
function isNumeric(text: string): boolean {
  return /^(0|[1-9]\d*)$/.test(text);
}

/** Each column as wide as its widest cell, within bounds (long texts wrap); the widest grows until the title fits. */
export function columnWidths(section: SummarySection): number[] {
  const widths = section.header.map((name, col) => {
    const widest = Math.max(textUnits(name, 12), ...section.rows.map((row) => textUnits(row[col] ?? '')));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(widest + 2)));
  });
  const short = MIN_TOTAL_WIDTH - widths.reduce((a, b) => a + b, 0);
  if (short > 0) widths[widths.indexOf(Math.max(...widths))]! += short;
  return widths;
}
