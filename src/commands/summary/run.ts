import { buildMonthlySummary, type MonthlySummary } from '../../core/monthly-summary.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { dayOfMonth } from '../../core/report-path.js';
import { loadValidLedger, writeExport, type RenderFormat } from '../render/run.js';

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
  const { gatherReportCounts, reportMonths } = await import('../missing/run.js');
  const { listReportFiles } = await import('../../io/load-reports.js');
  const listed = listReportFiles(options.root, ledger).files;
  const reports =
    reportMonths(listed).length > 0
      ? await gatherReportCounts(options.root, ledger, options.month, undefined, listed)
      : undefined;
  const result = buildMonthlySummary(ledger, options.month, asOf, reports);
  const written = await writeExport(options, `月度汇总-${options.month}`, {
    xlsx: async (file) => (await import('../../render/summary-xlsx.js')).writeSummaryXlsx(result, file),
    md: async () => (await import('../../render/summary-markdown.js')).renderSummaryMarkdown(result),
  });
  return { diagnostics: [], summary: result, ...written };
}
