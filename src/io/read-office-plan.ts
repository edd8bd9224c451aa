import type JSZip from 'jszip';
import type { Plan } from '../core/plan/plan.js';
import { readTables } from '../core/plan/read-table.js';
import { UsageError } from '../errors.js';
import { docxBlocks } from './docx-blocks.js';
import { xlsxGrids } from './xlsx-grids.js';

/** A plan's body is a few hundred KB; more than this unpacked is the wrong file, or a zip bomb. */
const MAX_ENTRY_BYTES = 32 * 1024 * 1024;

/** The text of a zip entry, read as a stream and refused past MAX_ENTRY_BYTES (never unpacked whole first). */
async function entryText(entry: JSZip.JSZipObject, file: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size <= MAX_ENTRY_BYTES) return;
      stream.pause();
      reject(
        new UsageError(
          `${file} 的正文解压后超过 ${MAX_ENTRY_BYTES / 1024 / 1024} MB，不像是一份工作方案`,
          '确认文件无误；方案正文通常不到 1 MB',
        ),
      );
    });
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
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
  if (document) return readTables(docxBlocks(await entryText(document, file), file), 'docx');
  if (zip.file('xl/workbook.xml')) return readTables(await xlsxGrids(bytes, file), 'xlsx');
  throw new UsageError(
    `${file} 既不是 Word 文档（.docx）也不是 Excel 工作簿（.xlsx）`,
    '导入支持 .docx、.xlsx 和纯文本',
  );
}
