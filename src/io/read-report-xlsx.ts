import type { Cell, CellValue, Worksheet } from 'exceljs';
import { diagnosticAt, fileDiagnostic, type Diagnostic, type SourcePosition } from '../core/model/diagnostic.js';
import type { Locator } from '../core/model/ledger.js';
import type { ReportSource } from '../core/reports/report-checks.js';
import { ReportSchema } from '../core/reports/report-schema.js';
import { zodIssuesToDiagnostics } from '../core/model/zod-issues.js';
import { REPORT_HEADER_KEYS } from './report-form-layout.js';
import type { ReportColumnKey, ReportFormLayout } from '../core/reports/report-form-layout.js';
import { pushAll } from '../core/model/arrays.js';
import { MAX_CELL_CHARS } from './xlsx-limits.js';
import { decodeOoxmlEscapes, textRuleDiagnostics } from '../core/model/text-rule.js';

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
  const sheet = chooseSheet(workbook.worksheets, layout.sheet, file, diagnostics);
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
  const rows = dataRows(sheet, layout, columns, file, diagnostics);
  const problems = cellProblems(file, [
    ...[layout.meta.unit.value, layout.meta.month.value].map((ref) => sheet.getCell(ref)),
    ...rows.flatMap((row) => Object.values(columns).map((col) => sheet.getCell(row, col))),
  ]);
  if (problems.length > 0) {
    pushAll(diagnostics, problems);
    return undefined;
  }
  const value: Record<string, unknown> = {
    unit: cellText(sheet.getCell(layout.meta.unit.value).value) ?? '',
    month: monthText(sheet.getCell(layout.meta.month.value).value) ?? '',
    ...headerFields(sheet, layout),
    entries: rows.map((row) => entryOf(sheet, row, columns)),
  };
  const locate = locator(file, layout, columns, rows);
  const result = ReportSchema.safeParse(value);
  if (!result.success) {
    pushAll(diagnostics, zodIssuesToDiagnostics(result.error.issues, locate, value));
    return undefined;
  }
  const textProblems = textRuleDiagnostics(value, locate);
  if (textProblems.length > 0) {
    pushAll(diagnostics, textProblems);
    return undefined;
  }
  return { file, data: result.data, locate };
}

type Columns = Partial<Record<ReportColumnKey, number>>;

/**
 * The form's sheet: only visible sheets count (a hidden one is never read instead of what the
 * unit sees); by name, else the first visible one.
 */
function chooseSheet(
  sheets: readonly Worksheet[],
  name: string,
  file: string,
  diagnostics: Diagnostic[],
): Worksheet | undefined {
  const visible = sheets.filter((ws) => ws.state === undefined || ws.state === 'visible');
  const sheet = visible.find((ws) => ws.name === name) ?? visible[0];
  const hidden = sheets.filter((ws) => !visible.includes(ws));
  if (hidden.length > 0)
    diagnostics.push(
      fileDiagnostic(file, {
        code: 'report/xlsx-hidden-sheet',
        severity: 'warning',
        message: `表格中有隐藏的工作表（${hidden.map((ws) => `“${ws.name}”`).join('、')}），没有读取${sheet ? `；读取的是可见的工作表“${sheet.name}”` : ''}`,
        hint: '确认填写的是可见的那张表；不需要的隐藏工作表请删除',
      }),
    );
  return sheet;
}

/** Cells whose value the form cannot use: a formula with no saved result, an error value, too long a text. */
function cellProblems(file: string, cells: readonly Cell[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (cell: Cell) => ({ file, line: Number(cell.row), col: Number(cell.col) });
  for (const cell of cells) {
    const value = cell.value as CellValue;
    if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) {
      if (typeof value === 'string' && [...value].length > MAX_CELL_CHARS) out.push(tooLong(at(cell), value));
      continue;
    }
    const formula = 'formula' in value || 'sharedFormula' in value;
    const shown = formula ? (value as { result?: CellValue }).result : value;
    if (formula && (shown === undefined || shown === null))
      out.push(
        diagnosticAt(at(cell), {
          code: 'report/xlsx-formula',
          message: '这个单元格是公式，但文件中没有保存计算结果，无法读出它显示的内容',
          hint: '在 Excel/WPS 中打开并保存一次（会计算公式），或把公式改为直接填写的文字',
        }),
      );
    else if (shown && typeof shown === 'object' && 'error' in shown)
      out.push(
        diagnosticAt(at(cell), {
          code: 'report/xlsx-error-value',
          message: `这个单元格的值是错误 ${String((shown as { error: unknown }).error)}`,
          hint: '改正公式或直接填写内容',
        }),
      );
    else {
      const text = cellText(value);
      if (text !== undefined && [...text].length > MAX_CELL_CHARS) out.push(tooLong(at(cell), text));
    }
  }
  return out;
}

function tooLong(at: SourcePosition, text: string): Diagnostic {
  return diagnosticAt(at, {
    code: 'report/xlsx-cell-too-long',
    message: `单元格中的文字有 ${[...text].length} 个字符，超过 Excel 单元格的上限 ${MAX_CELL_CHARS}`,
    hint: '精简内容；详细材料请作为佐证材料另行提交',
  });
}

function findColumns(sheet: Worksheet, layout: ReportFormLayout): Columns | undefined {
  const byHeader = new Map(layout.columns.map((column) => [column.header, column.key]));
  const columns: Columns = {};
  sheet.getRow(layout.headerRow).eachCell((cell, col) => {
    const key = byHeader.get((cellText(cell.value) ?? '').replace(/\s+/g, ''));
    if (key) columns[key] = col;
  });
  return columns.id && columns.status && columns.progress ? columns : undefined;
}

/**
 * The rows holding entries: those with a measure id. Rows below the table without
 * one — signature, stamp, notes (填报人：… 盖章) — are skipped with a one-line note;
 * a row with a status or progress but no id is an error (an entry lost its id).
 */
function dataRows(
  sheet: Worksheet,
  layout: ReportFormLayout,
  columns: Columns,
  file: string,
  diagnostics: Diagnostic[],
): number[] {
  const rows: number[] = [];
  const skipped: number[] = [];
  for (let r = layout.headerRow + 1; r <= sheet.rowCount; r++) {
    const id = cellText(sheet.getCell(r, columns.id!).value);
    const status = ownText(sheet, r, columns.status!);
    const progress = ownText(sheet, r, columns.progress!);
    const filled = Boolean(status) || (progress !== undefined && !FOOTER.test(progress));
    if (id && MEASURE_ID.test(id)) rows.push(r);
    else if (filled) {
      diagnostics.push(
        diagnosticAt(
          { file, line: r, col: columns.id! },
          {
            code: 'report/row-without-id',
            message: `第 ${r} 行填写了状态或工作完成情况，但没有具体措施编号${id ? `（“${id}”不是编号）` : ''}`,
            hint: '在“编号”列填上措施编号（形如 1.1.1），或清空这一行',
          },
        ),
      );
    } else if (id || rowHasText(sheet, r)) skipped.push(r);
  }
  if (skipped.length > 0) {
    diagnostics.push(
      diagnosticAt(
        { file, line: skipped[0]!, col: 1 },
        {
          severity: 'warning',
          code: 'report/rows-ignored',
          message: `表格下方第 ${skipped.join('、')} 行没有措施编号（签字、盖章、备注等），已忽略`,
        },
      ),
    );
  }
  return rows;
}

/** Words of the lines offices put under the table: signature, phone, stamp, date, notes. */
const FOOTER =
  /^(填报人|填表人|联系人|联系电话|电话|审核人|负责人|签字|签名|盖章|（盖章）|\(盖章\)|日期|报送日期|备注|注|说明)/;

/** A cell's own text: a cell inside a merged range (a signature line across the sheet) has none. */
function ownText(sheet: Worksheet, row: number, col: number): string | undefined {
  const cell = sheet.getCell(row, col);
  if (cell.isMerged && cell.master.address !== cell.address) return undefined;
  return cellText(cell.value);
}

const MEASURE_ID = /^[1-9]\d*\.[1-9]\d*\.[1-9]\d*$/;

function rowHasText(sheet: Worksheet, row: number): boolean {
  let found = false;
  sheet.getRow(row).eachCell((cell) => {
    if (cellText(cell.value)) found = true;
  });
  return found;
}

/** 填报人, 联系电话, 审核人, 报送日期 from the form's header cells, when the layout has them and they are filled. */
function headerFields(sheet: Worksheet, layout: ReportFormLayout): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of REPORT_HEADER_KEYS) {
    const meta = layout.meta[key];
    if (!meta) continue;
    const cell = sheet.getCell(meta.value).value;
    const text = key === 'submitted_on' ? dateText(cell) : cellText(cell);
    if (text) out[key] = text;
  }
  return out;
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
  const clean = decodeOoxmlEscapes(text).replace(/\r\n?/g, '\n').trim();
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
    const header = REPORT_HEADER_KEYS.find((key) => key === path[0]);
    const meta = header && layout.meta[header];
    if (meta) return cellAt(meta.value);
    const row = typeof path[1] === 'number' ? rows[path[1]] : undefined;
    if (path[0] !== 'entries' || row === undefined) return { file, line: layout.headerRow, col: 1 };
    const key = String(path[2] ?? 'id');
    const column =
      key === 'extension' ? (path[3] === 'reason' ? 'extension_reason' : 'extension_until') : (key as ReportColumnKey);
    return { file, line: row, col: columns[column] ?? 1 };
  };
}
