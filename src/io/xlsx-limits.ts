import { inflateRawSync } from 'node:zlib';
import { fileDiagnostic, type Diagnostic } from '../core/model/diagnostic.js';
import { formatBytes } from './repo-path.js';

/**
 * Limits checked before an xlsx file reaches exceljs, which inflates the whole archive in memory:
 * a 12.5 MB "zip bomb" would otherwise take the process down. The zip's central directory is read
 * first (what each part says it inflates to), then each part is really inflated with a cap, since
 * the directory may lie; a filled report form is far below the limits. See docs/safety.md.
 */
export const MAX_XLSX_BYTES = 20 * 1024 * 1024;
export const MAX_XLSX_UNCOMPRESSED_BYTES = 16 * 1024 * 1024;
const MAX_XLSX_ENTRIES = 10_000;
/** Excel's own limit for the text in one cell. */
export const MAX_CELL_CHARS = 32_767;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/** Why an xlsx file is refused before it is parsed, or undefined when it may be read. */
export function xlsxSizeProblem(bytes: Uint8Array, file: string): Diagnostic | undefined {
  const refuse = (message: string) =>
    fileDiagnostic(file, {
      code: 'report/xlsx-too-large',
      message,
      hint: '报送表只需填写本单位的措施；请用 ledger template --format xlsx 重新生成并填写，不要嵌入图片或附件',
    });
  if (bytes.length > MAX_XLSX_BYTES)
    return refuse(`Excel 文件有 ${formatBytes(bytes.length)}，超过上限 ${formatBytes(MAX_XLSX_BYTES)}，未读取`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd === undefined) return undefined; // Not a zip: exceljs reports it as unreadable.
  const entries = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (entries > MAX_XLSX_ENTRIES) return refuse(`Excel 文件中有 ${entries} 个部件，异常地多，未读取`);
  let total = 0;
  let at = offset;
  const bomb = () =>
    refuse(`Excel 文件解压后超过 ${formatBytes(MAX_XLSX_UNCOMPRESSED_BYTES)}（疑似“压缩炸弹”），未读取`);
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return undefined;
    const size = view.getUint32(at + 24, true);
    if (size === ZIP64_MARK) return refuse('Excel 文件中有超过 4 GB 的部件，未读取');
    // What the directory says is checked first; what the part really inflates to is counted next.
    const inflated =
      size > MAX_XLSX_UNCOMPRESSED_BYTES - total
        ? undefined
        : inflatedSize(bytes, view, at, MAX_XLSX_UNCOMPRESSED_BYTES - total);
    if (inflated === undefined) return bomb();
    total += inflated;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return undefined;
}

/**
 * The size one zip part really inflates to, counted by inflating it with a cap (the directory may
 * lie); undefined past `budget`. A part that cannot be found or inflated counts as its directory
 * size: exceljs reports the damaged file.
 */
function inflatedSize(bytes: Uint8Array, view: DataView, central: number, budget: number): number | undefined {
  const method = view.getUint16(central + 10, true);
  const compressed = view.getUint32(central + 20, true);
  const declared = view.getUint32(central + 24, true);
  const local = view.getUint32(central + 42, true);
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) return declared;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + compressed));
  if (method === 0) return data.length > budget ? undefined : data.length;
  if (method !== 8) return declared;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? undefined : declared;
  }
}

/** The end-of-central-directory record is in the last 22 bytes plus up to 64 KB of comment. */
function findEndOfCentralDirectory(view: DataView): number | undefined {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 65_535; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return undefined;
}
