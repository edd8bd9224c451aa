/**
 * Cell styles shared by the xlsx renderers. Every cell gets a fresh, complete
 * style object: exceljs shares style objects between merged cells, so setting
 * one property on a cell could change others.
 */
import type { Alignment, Borders, Fill, Font, PageSetup, PaperSize, Style } from 'exceljs';
import { xmlSafe } from '../core/model/text-rule.js';

/** OOXML paper size 8 is A3; exceljs's PaperSize enum does not name it. */
const A3 = 8 as unknown as PaperSize;

export const BODY_FONT_SIZE = 11;
export const BODY_FONT: Partial<Font> = { name: '宋体', size: BODY_FONT_SIZE, family: 3, charset: 134 };
export const HEADER_FONT: Partial<Font> = { name: '黑体', size: 12, bold: true, family: 3, charset: 134 };
export const TITLE_FONT: Partial<Font> = { name: '黑体', size: 18, bold: true, family: 3, charset: 134 };

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const THIN_BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const HIGHLIGHT = {
  逾期: 'FFFFD9D9',
  严重逾期: 'FFFF9E9E',
  header: 'FFE7E6E6',
} as const;

export function solid(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

export type Align = 'left' | 'center';

export function bodyStyle(
  horizontal: Align = 'left',
  fill?: string,
  vertical: 'top' | 'middle' = 'middle',
): Partial<Style> {
  const alignment: Partial<Alignment> = { horizontal, vertical, wrapText: true };
  return { font: { ...BODY_FONT }, alignment, border: { ...THIN_BORDERS }, ...(fill ? { fill: solid(fill) } : {}) };
}

export function headerStyle(): Partial<Style> {
  return {
    font: { ...HEADER_FONT },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: { ...THIN_BORDERS },
    fill: solid(HIGHLIGHT.header),
  };
}

export function titleStyle(): Partial<Style> {
  return { font: { ...TITLE_FONT }, alignment: { horizontal: 'center', vertical: 'middle' } };
}

const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const POINTS_PER_INCH = 72;

/** Printable width and height in points of A4 and A3, portrait, inside MARGINS. */
export const PAPER = {
  A4: { code: 9 as unknown as PaperSize, width: 595.3, height: 841.9 },
  A3: { code: A3, width: 841.9, height: 1190.6 },
} as const;
export type Paper = keyof typeof PAPER;
export type Orientation = 'portrait' | 'landscape';

/** The body of a page in points (paper minus margins): what rows and columns may fill. */
export function printableArea(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const { width, height } = PAPER[paper];
  const [w, h] = orientation === 'portrait' ? [width, height] : [height, width];
  return {
    width: w - (MARGINS.left + MARGINS.right) * POINTS_PER_INCH,
    height: h - (MARGINS.top + MARGINS.bottom) * POINTS_PER_INCH,
  };
}

/**
 * Points per unit of column width, taken on the wide side: Excel draws a unit as 7 px of Calibri
 * (5.25 pt), but LibreOffice without Calibri's metrics (no Carlito font) draws it 7 pt wide. Pages
 * planned with 7 pt fit in both; in Excel the table is then a little narrower than the page.
 */
export const POINTS_PER_WIDTH_UNIT = 7;

/** Width in points of columns `widths` wide (Excel units), as the widest renderer draws them. */
export function columnsPoints(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + w * POINTS_PER_WIDTH_UNIT, 0);
}

/** Units of column width that fit across the printable width of `paper`. */
export function widthUnitsAcross(paper: Paper, orientation: Orientation): number {
  return Math.floor(printableArea(paper, orientation).width / POINTS_PER_WIDTH_UNIT);
}

/**
 * Paper and orientation with a fixed scale (never “fit to page”: Excel then
 * ignores the row breaks that ledger sets), header rows repeated on every page.
 */
export function printSetup(
  titleRows: string,
  paper: Paper = 'A3',
  orientation: Orientation = 'landscape',
  scale = 100,
): Partial<PageSetup> {
  return {
    paperSize: PAPER[paper].code,
    orientation,
    scale,
    horizontalCentered: true,
    printTitlesRow: titleRows,
    margins: { ...MARGINS },
  };
}

/** Portrait when the columns fit across the page, else landscape, shrunk (not below 60%) when even that is too narrow. */
export function orientationFor(paper: Paper, widths: readonly number[]): { orientation: Orientation; scale: number } {
  if (columnsPoints(widths) <= printableArea(paper, 'portrait').width) return { orientation: 'portrait', scale: 100 };
  return { orientation: 'landscape', scale: scaleAcross(paper, 'landscape', widths) };
}

/** The print scale (percent, 60 to 100) at which `widths` fit across the page. */
export function scaleAcross(paper: Paper, orientation: Orientation, widths: readonly number[]): number {
  const across = printableArea(paper, orientation).width;
  return Math.max(60, Math.min(100, Math.floor((across / columnsPoints(widths)) * 100)));
}

export const PAGE_FOOTER = { oddFooter: '&C第 &P 页，共 &N 页' };

/** Excel's limit for the text of one cell. */
export const XLSX_CELL_CHARS = 32_767;
const CUT_NOTE = '…（超出 Excel 单元格上限，全文见台账文件）';

/**
 * Text as a cell can hold it, the last line of defence after validate's text rule: characters XML
 * cannot hold become U+FFFD, and a cell that joins several texts (one line per unit) is cut to
 * Excel's limit with a note, so the workbook always opens.
 */
export function cellText(text: string): string {
  const safe = xmlSafe(text);
  if (safe.length <= XLSX_CELL_CHARS) return safe;
  return `${safe.slice(0, XLSX_CELL_CHARS - CUT_NOTE.length).replace(/[\uD800-\uDBFF]$/, '')}${CUT_NOTE}`;
}
