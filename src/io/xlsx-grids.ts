import type { GridCell, PlanDocument, PlanGrid } from '../core/plan/plan-grid.js';
import { UsageError } from '../errors.js';
import { cellText } from './read-report-xlsx.js';

/** Every sheet of a workbook as a grid; a merged range's text in each of its cells, one origin (its master). */
export async function xlsxGrids(bytes: Uint8Array, file: string): Promise<PlanDocument> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UsageError(`无法读取 Excel 文件 ${file}（已损坏？）`, '用 Excel/WPS 打开后另存为 .xlsx（Excel 工作簿）');
  }
  const grids: PlanGrid[] = workbook.worksheets.map((sheet) => {
    const rows: GridCell[][] = [];
    const lines: number[] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row: GridCell[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const cell = sheet.getCell(r, c);
        const master = cell.isMerged ? cell.master : cell;
        row.push({ text: cellText(master.value) ?? '', origin: master.address });
      }
      rows.push(row);
      lines.push(r);
    }
    return { rows, lines };
  });
  return { paragraphs: [], grids };
}
