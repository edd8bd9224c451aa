import type { CellValue, Worksheet } from 'exceljs';
import { fileDiagnostic, type Diagnostic, type SourcePosition } from '../core/diagnostic.js';
import type { Locator } from '../core/ledger.js';
import type { ReportSource } from '../core/report-checks.js';
import { ReportSchema } from '../core/report-schema.js';
import { zodIssuesToDiagnostics } from '../core/zod-issues.js';
import type { ReportColumnKey, ReportFormLayout } from '../core/report-form-layout.js';
import { pushAll } from '../core/arrays.js';

/**
 * Reads a filled xlsx report form. Positions in diagnostics are row:column of
 * the sheet (merge names the cell, D7, in every xlsx message: withCellNames). Cells may hold text, rich text, numbers, dates or formulas, as a
 * spreadsheet app leaves them. exceljs is loaded here only.
 */
export async function readReportXlsx(
  bytes: Uint8Array,
  file: string,
  layout: ReportFormLayout,
  diagnostics: Diagnostic[],
): Promise<ReportSource | undefined> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    diagnostics.push(
      fileDiagnostic(file, {
        code: 'report/xlsx-unreadable',
        message: '无法读取这个 Excel 文件（不是 .xlsx 格式或已损坏）',
        hint: '用 Excel/WPS 另存为 .xlsx（Excel 工作簿）后再合并',
      }),
    );
    return undefined;
  }
  const sheet = workbook.getWorksheet(layout.sheet) ?? workbook.worksheets[0];
  const columns = sheet ? findColumns(sheet, layout) : undefined;
  if (!sheet || !columns) {
    diagnostics.push(
      fileDiagnostic(file, {
        code: 'report/xlsx-layout',
        message: `没有找到报送表的表头（第 ${layout.headerRow} 行应有“编号”“状态”“工作完成情况”等列）`,
        hint: '请使用 ledger template --format xlsx 生成的表格填写，不要删除或改动表头行',
      }),
    );
    return undefined;
  }
  const rows = dataRows(sheet, layout, columns);
  const value = {
    unit: cellText(sheet.getCell(layout.meta.unit.value).value) ?? '',
    month: monthText(sheet.getCell(layout.meta.month.value).value) ?? '',
    entries: rows.map((row) => entryOf(sheet, row, columns)),
  };
  const locate = locator(file, layout, columns, rows);
  const result = ReportSchema.safeParse(value);
  if (!result.success) {
    pushAll(diagnostics, zodIssuesToDiagnostics(result.error.issues, locate, value));
    return undefined;
  }
  return { file, data: result.data, locate };
}

type Columns = Partial<Record<ReportColumnKey, number>>;

function findColumns(sheet: Worksheet, layout: ReportFormLayout): Columns | undefined {
  const byHeader = new Map(layout.columns.map((column) => [column.header, column.key]));
  const columns: Columns = {};
  sheet.getRow(layout.headerRow).eachCell((cell, col) => {
    const key = byHeader.get((cellText(cell.value) ?? '').replace(/\s+/g, ''));
    if (key) columns[key] = col;
  });
  return columns.id && columns.status && columns.progress ? columns : undefined;
}

function dataRows(sheet: Worksheet, layout: ReportFormLayout, columns: Columns): number[] {
  const rows: number[] = [];
  for (let r = layout.headerRow + 1; r <= sheet.rowCount; r++) {
    if (cellText(sheet.getCell(r, columns.id!).value)) rows.push(r);
  }
  return rows;
}

function entryOf(sheet: Worksheet, row: number, columns: Columns): Record<string, unknown> {
  const get = (key: ReportColumnKey) => (columns[key] ? sheet.getCell(row, columns[key]).value : null);
  const entry: Record<string, unknown> = { id: cellText(get('id')), progress: cellText(get('progress')) ?? '' };
  const status = cellText(get('status'));
  if (status !== undefined) entry.status = status;
  for (const key of ['title', 'deadline', 'problems', 'next_steps'] as const) {
    const text = cellText(get(key));
    if (text) entry[key] = text;
  }
  const evidence = cellText(get('evidence'))
    ?.split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (evidence?.length) entry.evidence = evidence;
  const completed = dateText(get('completed_on'));
  if (completed) entry.completed_on = completed;
  const met = get('milestones_met');
  if (met !== null && met !== undefined && cellText(met))
    entry.milestones_met = typeof met === 'number' ? met : Number(cellText(met));
  const until = dateText(get('extension_until'));
  const reason = cellText(get('extension_reason'));
  if (until || reason) entry.extension = { until: until ?? '', reason: reason ?? '' };
  return entry;
}

/** The text a cell shows, whatever form its value has; line breaks as \n; undefined when empty. */
export function cellText(value: CellValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else if (value instanceof Date) text = isoDate(value);
  else if ('richText' in value) text = value.richText.map((run) => run.text).join('');
  else if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result);
  else if ('hyperlink' in value)
    text = typeof value.text === 'string' ? value.text : (cellText(value.text as CellValue) ?? value.hyperlink);
  else return undefined;
  const clean = text.replace(/\r\n?/g, '\n').trim();
  return clean === '' ? undefined : clean;
}

/** A date typed into a cell may come back as a Date or as the spreadsheet's day number. */
function dateText(value: CellValue | undefined): string | undefined {
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number' && value > 20000 && value < 80000)
    return isoDate(new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000));
  return cellText(value);
}

function monthText(value: CellValue | undefined): string | undefined {
  return value instanceof Date ? isoDate(value).slice(0, 7) : cellText(value);
}

/** Spreadsheet dates carry no time zone: exceljs gives them as UTC midnight. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function locator(file: string, layout: ReportFormLayout, columns: Columns, rows: readonly number[]): Locator {
  const cellAt = (ref: string): SourcePosition => {
    const match = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const col = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { file, line: Number(match[2]), col };
  };
  return (path) => {
    if (path[0] === 'unit') return cellAt(layout.meta.unit.value);
    if (path[0] === 'month') return cellAt(layout.meta.month.value);
    const row = typeof path[1] === 'number' ? rows[path[1]] : undefined;
    if (path[0] !== 'entries' || row === undefined) return { file, line: layout.headerRow, col: 1 };
    const key = String(path[2] ?? 'id');
    const column =
      key === 'extension' ? (path[3] === 'reason' ? 'extension_reason' : 'extension_until') : (key as ReportColumnKey);
    return { file, line: row, col: columns[column] ?? 1 };
  };
}
