import type { Plan } from '../core/plan/plan.js';
import { readPlanText } from '../core/plan/read-plan-text.js';
import { UsageError } from '../errors.js';

/**
 * A plan file read by its content, not its name: a Word document (.docx), an Excel workbook
 * (.xlsx), or UTF-8 text. The zip readers are loaded only for the formats that need them.
 */
export async function readPlanFile(bytes: Uint8Array, file: string): Promise<Plan> {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    throw new UsageError(
      `${file} 是旧版 Word/Excel 文件（.doc/.xls），无法读取`,
      '用 Word/WPS 另存为 .docx，或用 Excel/WPS 另存为 .xlsx，再导入',
    );
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const { readOfficePlan } = await import('./read-office-plan.js');
    return readOfficePlan(bytes, file);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(
      `${file} 不是 UTF-8 文本，也不是 .docx/.xlsx 文件`,
      `GBK 编码的文本请先转换：iconv -f GBK -t UTF-8 ${file} > 方案.txt`,
    );
  }
  return readPlanText(text, file);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
