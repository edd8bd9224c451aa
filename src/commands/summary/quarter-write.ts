import type { QuarterlyReport } from '../../core/summaries/quarterly-report.js';
import { writeFileAtomically, writeStreamAtomically } from '../../io/atomic-file.js';
import { exportPath, writeExport } from '../../io/export-file.js';
import type { SummaryFormat } from './run.js';

/** Writes the quarterly report in its format: json and `--out -` to `text`, the rest to a file. */
export async function writeQuarterlyReport(
  options: { root: string; cwd?: string; out?: string; format: SummaryFormat },
  baseName: string,
  report: QuarterlyReport,
): Promise<{ file?: string; text?: string }> {
  if (options.format === 'json') {
    const text = `${JSON.stringify(report, null, 2)}\n`;
    if (options.out === undefined || options.out === '-') return { text };
    const file = exportPath(options, options.out);
    writeFileAtomically(file, text);
    return { file };
  }
  if (options.format === 'docx') {
    const { writeQuarterDocx } = await import('./quarter-docx.js');
    return { file: await writeQuarterDocx(options, `${baseName}.docx`, report) };
  }
  return writeExport({ ...options, format: options.format }, baseName, {
    xlsx: async (file) => {
      const { writeQuarterXlsx } = await import('../../render/quarter-xlsx.js');
      await writeStreamAtomically(file, (stream) => writeQuarterXlsx(report, stream));
    },
    md: async () => (await import('../../render/quarter-markdown.js')).renderQuarterMarkdown(report),
  });
}
