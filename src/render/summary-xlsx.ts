/**
 * The monthly summary as xlsx: one sheet per section, each with its title,
 * a note, a frozen header repeated on printed pages, and traffic lights as
 * coloured cells. exceljs is imported here only.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { MonthlySummary } from '../core/summaries/monthly-summary.js';
import type { Light } from '../core/rules/rollup.js';
import { maxOf } from '../core/model/arrays.js';
import type { Writable } from 'node:stream';
import { fittingHeight, linesHeight, textUnits } from './cell-layout.js';
import { keepDatesWhole } from './print-text.js';
import { summarySections, summaryTitle, type SummarySection } from './summary-sections.js';
import {
  BODY_FONT,
  PAGE_FOOTER,
  bodyStyle,
  cellText,
  columnsPoints,
  headerStyle,
  orientationFor,
  printSetup,
  printableArea,
  titleStyle,
  widthUnitsAcross,
} from './xlsx-style.js';

export const LIGHT_FILLS: Record<Light, string> = { 红: 'FFFF6B6B', 黄: 'FFFFD966', 绿: 'FF8FD18F' };
const MIN_WIDTH = 6;
const MAX_WIDTH = 48;
/** Rows above the data: title, note, header. */
export const SUMMARY_HEADER_ROW = 3;

/** Streams the workbook into `stream` (the caller decides where it goes; see io/atomic-file) and ends it. */
export async function writeSummaryXlsx(summary: MonthlySummary, stream: Writable): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'ledger';
  const title = { whole: summaryTitle(summary), ledger: summary.title };
  for (const section of summarySections(summary)) writeSection(workbook, section, title);
  await workbook.commit();
}

export function writeSection(workbook: Workbook, section: SummarySection, title: SheetTitle): void {
  const widths = columnWidths(section);
  const { orientation, scale } = orientationFor('A4', widths);
  const sheet = workbook.addWorksheet(section.name, {
    views: [{ state: 'frozen', ySplit: SUMMARY_HEADER_ROW, topLeftCell: `A${SUMMARY_HEADER_ROW + 1}` }],
    pageSetup: printSetup(`${SUMMARY_HEADER_ROW}:${SUMMARY_HEADER_ROW}`, 'A4', orientation, scale),
    headerFooter: PAGE_FOOTER,
  });
  sheet.columns = widths.map((width) => ({ width }));
  const span = Math.max(section.header.length, 1);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const { lines, size } = titleLayout(title, totalWidth);
  const style = titleStyle();
  mergedLine(
    sheet,
    1,
    span,
    [...lines, section.title].join('\n'),
    { ...style, font: { ...style.font, size } },
    linesHeight(lines.length + 1, size),
  );
  mergedLine(sheet, 2, span, section.note ?? '', bodyStyle('left'), fittingHeight([section.note ?? ''], [totalWidth]));
  const header = sheet.getRow(SUMMARY_HEADER_ROW);
  section.header.forEach((name, i) => {
    header.getCell(i + 1).value = name;
    header.getCell(i + 1).style = headerStyle();
  });
  header.height = fittingHeight(section.header, widths, 12);
  header.commit();
  const centered = centeredColumns(section);
  section.rows.forEach((cells, index) => writeDataRow(sheet, section, cells, index, widths, centered));
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
  centered: readonly boolean[],
): void {
  const row = sheet.getRow(SUMMARY_HEADER_ROW + 1 + index);
  const total = section.totalRow === true && index === section.rows.length - 1;
  cells.forEach((text, col) => {
    const cell = row.getCell(col + 1);
    cell.value = isNumeric(text) ? Number(text) : cellText(keepDatesWhole(text));
    const light = col === section.lightColumn ? LIGHT_FILLS[text.charAt(0) as Light] : undefined;
    const style = bodyStyle(centered[col] ? 'center' : 'left', light);
    cell.style = total ? { ...style, font: { ...BODY_FONT, bold: true } } : style;
  });
  row.height = fittingHeight(cells, widths);
  row.commit();
}

/** Columns of counts, rates and dashes only (and the light column) are centred; computed once per section. */
function centeredColumns(section: SummarySection): boolean[] {
  return section.header.map(
    (_, col) => col === section.lightColumn || section.rows.every((r) => /^[\d.%—-]*$/.test(r[col] ?? '')),
  );
}

/** Plain counts become numbers so that a spreadsheet can add them up; ids like 1.1.1 stay text. */
function isNumeric(text: string): boolean {
  return /^(0|[1-9]\d*)$/.test(text);
}

/** A text column is not narrowed below this to fit the page across. */
const MIN_TEXT_WIDTH = 14;

/**
 * Each column as wide as its widest cell, within bounds (long texts wrap); the widest grows until the table is as wide as an A4 page across.
 * When the table is wider than an A4 page across, the widest text columns give way (down to MIN_TEXT_WIDTH),
 * so that most sheets print portrait.
 */
export function columnWidths(section: SummarySection): number[] {
  const widths = section.header.map((name, col) => {
    const widest = maxOf(
      section.rows.map((row) => textUnits(row[col] ?? '')),
      textUnits(name, 12),
    );
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(widest + 2)));
  });
  const portrait = printableArea('A4', 'portrait').width;
  while (columnsPoints(widths) > portrait) {
    const widest = maxOf(widths);
    if (widest <= MIN_TEXT_WIDTH) break;
    widths[widths.indexOf(widest)] = Math.max(MIN_TEXT_WIDTH, widest - 1);
  }
  const short = widthUnitsAcross('A4', 'portrait') - widths.reduce((a, b) => a + b, 0);
  if (short > 0) widths[widths.indexOf(maxOf(widths))]! += short;
  return widths;
}

export interface SheetTitle {
  /** The whole title, e.g. …工作台账月度汇总（2020年7月）. */
  whole: string;
  /** The ledger's title, where the whole title may be broken into two lines. */
  ledger: string;
}

const TITLE_SIZES = [18, 16, 14] as const;

/**
 * The title on one line at the largest size (18 to 14 pt) at which it fits the table's width; else
 * two lines, broken after the ledger's title (never before a lone bracket), at the size the longer fits.
 */
export function titleLayout(title: SheetTitle, width: number): { lines: string[]; size: number } {
  const room = width - 2;
  for (const size of TITLE_SIZES) if (textUnits(title.whole, size) <= room) return { lines: [title.whole], size };
  const lines =
    title.whole.startsWith(title.ledger) && title.whole.length > title.ledger.length
      ? [title.ledger, title.whole.slice(title.ledger.length)]
      : [title.whole];
  const longest = maxOf(lines.map((line) => textUnits(line, 1)));
  return { lines, size: Math.max(10, Math.min(18, Math.floor(room / longest))) };
}
