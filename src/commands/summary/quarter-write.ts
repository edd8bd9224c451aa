import path from 'node:path';
import type { QuarterlyReport } from '../../core/quarterly-report.js';
import { UsageError } from '../../errors.js';
import { writeStreamThrough, writeTextFile } from '../../io/atomic-stream-file.js';
import { writeExport } from '../render/run.js';
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
    const file = path.resolve(options.cwd ?? options.root, options.out);
    await writeTextFile(file, text);
    return { file };
  }
  if (options.format === 'docx')
    throw new UsageError(
      '季度报告暂不支持 --format docx',
      '用 --format xlsx、md 或 json；Word 通报见 --month 加 --format docx',
    );
  return writeExport({ ...options, format: options.format }, baseName, {
    xlsx: async (file) => {
      const { writeQuarterXlsx } = await import('../../render/quarter-xlsx.js');
      await writeStreamThrough(file, (stream) => writeQuarterXlsx(report, stream));
    },
    md: async () => (await import('../../render/quarter-markdown.js')).renderQuarterMarkdown(report),
  });
}
