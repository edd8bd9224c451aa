import { buildMonthlySummary, type MonthlySummary } from '../core/monthly-summary.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { dayOfMonth } from '../core/report-path.js';
import { UsageError } from '../errors.js';
import { writeTextFile } from '../io/atomic-stream-file.js';
import { loadValidLedger, outputPath, type RenderFormat } from './render.js';

export interface SummaryOptions {
  root: string;
  cwd?: string;
  month: string;
  /** Default: the month's config.lead_report_day (the day leads report). */
  asOf?: string;
  format: RenderFormat;
  /** Output file; `-` puts Markdown into the result's `text`. Default 月度汇总-<month>.<format> in cwd. */
  out?: string;
}

export interface SummaryResult {
  diagnostics: Diagnostic[];
  summary?: MonthlySummary;
  file?: string;
  text?: string;
}

/** Computes the monthly summary (with report counts when the ledger has reports) and writes it. */
export async function summary(options: SummaryOptions): Promise<SummaryResult> {
  const loaded = loadValidLedger(options.root);
  if (!loaded.ledger) return { diagnostics: loaded.diagnostics };
  const ledger = loaded.ledger;
  const asOf = options.asOf ?? dayOfMonth(options.month, ledger.config.lead_report_day);
  const { gatherReportCounts, reportMonths } = await import('./missing.js');
  const { listReportFiles } = await import('../io/load-reports.js');
  const listed = listReportFiles(options.root, ledger).files;
  const reports = reportMonths(listed).length > 0 ? await gatherReportCounts(options.root, ledger, options.month, undefined, listed) : undefined;
  const result = buildMonthlySummary(ledger, options.month, asOf, reports);
  if (options.out === '-') {
    if (options.format === 'xlsx') throw new UsageError('xlsx 不能输出到标准输出', '用 --out 文件名.xlsx 指定输出文件，或改用 --format md');
    const { renderSummaryMarkdown } = await import('../render/summary-markdown.js');
    return { diagnostics: [], summary: result, text: renderSummaryMarkdown(result) };
  }
  const file = outputPath(options, `月度汇总-${options.month}`);
  if (options.format === 'xlsx') {
    const { writeSummaryXlsx } = await import('../render/summary-xlsx.js');
    await writeSummaryXlsx(result, file);
  } else {
    const { renderSummaryMarkdown } = await import('../render/summary-markdown.js');
    await writeTextFile(file, renderSummaryMarkdown(result));
  }
  return { diagnostics: [], summary: result, file };
}
