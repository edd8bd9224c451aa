/**
 * Cell styles shared by the xlsx renderers. Every cell gets a fresh, complete
 * style object: exceljs shares style objects between merged cells, so setting
 * one property on a cell could change others.
 */
import type { Alignment, Borders, Fill, Font, PageSetup, PaperSize, Style } from 'exceljs';

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

/** A3 landscape, fitted to one page wide, header rows repeated on every page. */
export function printSetup(titleRows: string): Partial<PageSetup> {
  return {
    paperSize: A3,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: titleRows,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

export const PAGE_FOOTER = { oddFooter: '&C第 &P 页，共 &N 页' };
