import { cjkFontFiles } from '../../io/cjk-fonts.js';
import type { QuarterlyReport } from '../../core/summaries/quarterly-report.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomically } from '../../io/atomic-file.js';
import { exportPath } from '../../io/export-file.js';

/** Renders the Word quarterly report and writes it atomically to `out` (default `defaultName` in cwd). */
export async function writeQuarterDocx(
  options: { cwd?: string; root: string; out?: string },
  defaultName: string,
  report: QuarterlyReport,
): Promise<string> {
  if (options.out === '-')
    throw new UsageError('docx 不能输出到标准输出', '用 --out 文件名.docx 指定输出文件，或改用 --format md');
  const { renderQuarterDocx } = await import('../../render/quarter-docx.js');
  const bytes = await renderQuarterDocx(report, cjkFontFiles());
  const file = exportPath(options, defaultName);
  writeFileAtomically(file, bytes);
  return file;
}
