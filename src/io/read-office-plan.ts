import type JSZip from 'jszip';
import type { Plan } from '../core/plan/plan.js';
import { readTables } from '../core/plan/read-table.js';
import { UsageError } from '../errors.js';
import { docxBlocks } from './docx-blocks.js';
import { xlsxGrids } from './xlsx-grids.js';

/** A plan's body is a few hundred KB; more than this unpacked is the wrong file, or a zip bomb. */
const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;

/**
 * The entries' bytes, unpacked as streams and refused once they pass MAX_UNPACKED_BYTES together
 * (never unpacked whole first). `keep` false only counts.
 */
async function unpacked(entries: readonly JSZip.JSZipObject[], file: string, keep: boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for (const entry of entries)
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer');
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (keep) chunks.push(chunk);
        if (size <= MAX_UNPACKED_BYTES) return;
        stream.pause();
        reject(
          new UsageError(
            `${file} 解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB，不像是一份工作方案`,
            '确认文件无误；一份方案通常不到 1 MB',
          ),
        );
      });
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
  return Buffer.concat(chunks);
}

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
  if (document) {
    const xml = new TextDecoder('utf-8').decode(await unpacked([document], file, true));
    return readTables(docxBlocks(xml, file), 'docx');
  }
  if (zip.file('xl/workbook.xml')) {
    // exceljs unpacks the whole workbook: first make sure it is of a plan's size.
    await unpacked(
      Object.values(zip.files).filter((entry) => !entry.dir),
      file,
      false,
    );
    return readTables(await xlsxGrids(bytes, file), 'xlsx');
  }
  throw new UsageError(
    `${file} 既不是 Word 文档（.docx）也不是 Excel 工作簿（.xlsx）`,
    '导入支持 .docx、.xlsx 和纯文本',
  );
}
