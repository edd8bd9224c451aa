import type { Diagnostic } from './diagnostic.js';

/** Diagnostics about an xlsx file with the cell (D7) named in the message; line:column stay row:column. */
export function withCellNames(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => {
    if (!/\.xlsx$/i.test(d.file) || d.line < 1 || d.col < 1 || d.message.startsWith('单元格 ')) return d;
    return { ...d, message: `单元格 ${columnName(d.col)}${d.line}：${d.message}` };
  });
}

/** 1 → A, 27 → AA. */
export function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
