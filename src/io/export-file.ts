import path from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomically } from './atomic-file.js';
import { guardOutput } from './output-guard.js';

/** The 台账 and the 通报 as files: xlsx, or Markdown. */
export type RenderFormat = 'xlsx' | 'md';

/**
 * Writes an export (render, summary): with `out` `-` the Markdown is returned as `text`; otherwise
 * xlsx or Markdown goes to `out`, by default `<baseName>.<format>` in cwd. Each format's renderer is
 * imported only when used.
 */
export async function writeExport(
  options: { cwd?: string; root: string; out?: string; format: RenderFormat },
  baseName: string,
  renderers: { xlsx: (file: string) => Promise<void>; md: () => Promise<string> },
): Promise<{ file?: string; text?: string }> {
  if (options.out === '-') {
    if (options.format === 'xlsx')
      throw new UsageError('xlsx 不能输出到标准输出', '用 --out 文件名.xlsx 指定输出文件，或改用 --format md');
    return { text: await renderers.md() };
  }
  const file = exportPath(options, `${baseName}.${options.format}`);
  if (options.format === 'xlsx') await renderers.xlsx(file);
  else writeFileAtomically(file, await renderers.md());
  return { file };
}

/** Where an export named by `--out` (default `defaultName` in cwd) goes, through the one output guard. */
export function exportPath(options: { cwd?: string; root: string; out?: string }, defaultName: string): string {
  const file = path.resolve(options.cwd ?? options.root, options.out ?? defaultName);
  return guardOutput(options.root, file, { kind: 'file' });
}
