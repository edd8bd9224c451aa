import type { Cell, Worksheet } from 'exceljs';
import type { FormEntry, ReportForm } from '../core/reports/report-template.js';
import type { ReportColumnKey, ReportFormLayout } from '../core/reports/report-form-layout.js';
import { fittingHeight, linesHeight } from './cell-layout.js';
import { cellText } from './xlsx-style.js';

const LOCKED_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The xlsx report form: context columns locked, status as a drop-down, text wrapped. exceljs is loaded here only. */
export async function renderReportXlsx(form: ReportForm, layout: ReportFormLayout): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ledger';
  const sheet = workbook.addWorksheet(layout.sheet, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: layout.headerRow }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${layout.headerRow}:${layout.headerRow}`,
    },
  });
  writeHeader(sheet, form, layout);
  form.entries.forEach((entry, i) => writeRow(sheet, layout, layout.headerRow + 1 + i, entry));
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeHeader(sheet: Worksheet, form: ReportForm, layout: ReportFormLayout): void {
  layout.columns.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width));
  const title = sheet.getCell(1, 1);
  title.value = layout.title
    .replace('{unit}', form.unit)
    .replace('{month}', form.month)
    .replace('{due}', form.due)
    .replace('{title}', form.title ?? '工作台账');
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, layout.columns.length);
  for (const [meta, value] of [
    [layout.meta.unit, form.unit],
    [layout.meta.month, form.month],
  ] as const) {
    sheet.getCell(meta.label).value = meta.labelText;
    sheet.getCell(meta.label).font = { bold: true };
    const cell = sheet.getCell(meta.value);
    cell.numFmt = '@';
    cell.value = value;
  }
  // Header fields the unit fills in: unlocked, stored as text.
  for (const key of ['filled_by', 'phone', 'reviewed_by', 'submitted_on'] as const) {
    const meta = layout.meta[key];
    if (!meta) continue;
    sheet.getCell(meta.label).value = meta.labelText;
    sheet.getCell(meta.label).font = { bold: true };
    const cell = sheet.getCell(meta.value);
    cell.numFmt = '@';
    cell.value = form.header?.[key] ?? '';
    cell.protection = { locked: false };
    cell.border = BORDER;
  }
  if (layout.note) sheet.getCell(layout.headerRow - 1, 1).value = layout.note;
  const header = sheet.getRow(layout.headerRow);
  layout.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
}

function writeRow(sheet: Worksheet, layout: ReportFormLayout, rowNumber: number, entry: FormEntry): void {
  const row = sheet.getRow(rowNumber);
  layout.columns.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    if (column.text) cell.numFmt = '@';
    const value = cellValue(column.key, entry);
    cell.value = typeof value === 'string' ? cellText(value) : value;
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.border = BORDER;
    if (column.locked) cell.fill = LOCKED_FILL;
    else cell.protection = { locked: false };
    if (column.list) setStatusList(cell, layout.statusChoices);
  });
  // Spreadsheet apps do not grow rows for wrapped text they did not lay out themselves.
  const texts = layout.columns.map((column) => String(cellValue(column.key, entry) ?? ''));
  const height = fittingHeight(
    texts,
    layout.columns.map((column) => column.width),
  );
  if (height > linesHeight(1)) row.height = height;
}

function setStatusList(cell: Cell, choices: readonly string[]): void {
  cell.dataValidation = {
    type: 'list',
    allowBlank: false,
    formulae: [`"${choices.join(',')}"`],
    showErrorMessage: true,
    errorTitle: '状态无效',
    error: `请从下拉列表中选择：${choices.join('、')}`,
  };
}

function cellValue(key: ReportColumnKey, entry: FormEntry): string | number | null {
  switch (key) {
    case 'evidence':
      return entry.evidence?.join('\n') ?? null;
    case 'milestones_met':
      return entry.milestones > 1 ? (entry.milestones_met ?? 0) : null;
    case 'extension_until':
      return entry.extension?.until ?? null;
    case 'extension_reason':
      return entry.extension?.reason ?? null;
    default:
      return entry[key] ?? null;
  }
}
