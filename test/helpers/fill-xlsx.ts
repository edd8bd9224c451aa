import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

export type CellInput = ExcelJS.CellValue;

/**
 * Edits a report form the way a person in a spreadsheet app would: cells found
 * by the row whose 编号 is `id` and the column whose header is `header`.
 */
export async function fillXlsx(
  file: string,
  rows: Record<string, Record<string, CellInput>>,
  headerRow = 4,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const columns = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, col) => columns.set(String(cell.value), col));
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const values = rows[String(sheet.getCell(r, columns.get('编号')!).value)];
    if (!values) continue;
    for (const [header, value] of Object.entries(values)) {
      const col = columns.get(header);
      if (!col) throw new Error(`no column ${header}`);
      sheet.getCell(r, col).value = value;
    }
  }
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}
