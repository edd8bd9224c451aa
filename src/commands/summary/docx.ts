import type { MonthlySummary } from '../../core/summaries/monthly-summary.js';
import type { TrendPoint } from '../../core/summaries/monthly-trend.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomically } from '../../io/atomic-file.js';
import { exportPath } from '../../io/export-file.js';
import { cjkFontFiles } from '../../io/cjk-fonts.js';

/** Renders the Word summary and writes it atomically to `out` (default `defaultName` in cwd); returns the path. */
export async function writeSummaryDocx(
  options: { cwd?: string; root: string; out?: string },
  defaultName: string,
  summary: MonthlySummary,
  trend: readonly TrendPoint[],
): Promise<string> {
  if (options.out === '-')
    throw new UsageError('docx 不能输出到标准输出', '用 --out 文件名.docx 指定输出文件，或改用 --format md');
  const { renderSummaryDocx } = await import('../../render/summary-docx.js');
  const bytes = await renderSummaryDocx(summary, trend, cjkFontFiles());
  const file = exportPath(options, defaultName);
  writeFileAtomically(file, bytes);
  return file;
}
