import type { Plan } from '../core/plan/plan.js';
import { readTables } from '../core/plan/read-table.js';
import { UsageError } from '../errors.js';
import { docxBlocks } from './docx-blocks.js';
import { xlsxGrids } from './xlsx-grids.js';

/** A plan in a .docx (its tables, else its numbered paragraphs) or an .xlsx (its sheets' tables). */
export async function readOfficePlan(bytes: Uint8Array, file: string): Promise<Plan> {
  const { default: JSZip } = await import('jszip');
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new UsageError(
      `${file} 看起来是压缩文件，但无法打开（已损坏？）`,
      '用 Word/WPS 或 Excel 打开后重新保存，再导入',
    );
  }
  const document = zip.file('word/document.xml');
  if (document) return readTables(docxBlocks(await document.async('string'), file), 'docx');
  if (zip.file('xl/workbook.xml')) return readTables(await xlsxGrids(bytes, file), 'xlsx');
  throw new UsageError(
    `${file} 既不是 Word 文档（.docx）也不是 Excel 工作簿（.xlsx）`,
    '导入支持 .docx、.xlsx 和纯文本',
  );
}
