import { buildMonthlySummary, type MonthlySummary } from '../../core/monthly-summary.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { scopeLabel, scopeLedger, type LedgerScope } from '../../core/ledger-scope.js';
import { dayOfMonth } from '../../core/report-path.js';
import type { Ledger } from '../../core/ledger.js';
import { resolveAreaOption } from '../shared/resolve-area-option.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';
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
  /** Only the tasks this unit leads (a lead's own report): name or alias. */
  lead?: string;
  /** Only this area: its number or a word of its title. */
  area?: string;
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
  const scope = resolveScope(loaded.ledger, options);
  const scoped = scopeLedger(loaded.ledger, scope);
  const ledger = { ...scoped, config: { ...scoped.config, title: `${scoped.config.title}${scopeLabel(scope)}` } };
  const asOf = options.asOf ?? dayOfMonth(options.month, ledger.config.lead_report_day);
  const { gatherReportCounts, reportMonths } = await import('../missing/run.js');
  const { listReportFiles } = await import('../../io/load-reports.js');
  const listed = listReportFiles(options.root, ledger).files;
  const reports =
    reportMonths(listed).length > 0
      ? await gatherReportCounts(options.root, ledger, options.month, undefined, listed)
      : undefined;
  const result = buildMonthlySummary(ledger, options.month, asOf, reports);
  const baseName = ['月度汇总', scope.lead, scope.area, options.month].filter((p) => p !== undefined).join('-');
  const written = await writeExport(options, baseName, {
    xlsx: async (file) => (await import('../../render/summary-xlsx.js')).writeSummaryXlsx(result, file),
    md: async () => (await import('../../render/summary-markdown.js')).renderSummaryMarkdown(result),
  });
  return { diagnostics: [], summary: result, ...written };
}

function resolveScope(ledger: Ledger, options: Pick<SummaryOptions, 'lead' | 'area'>): LedgerScope {
  const areas = ledger.areas.map((a) => a.data);
  return {
    lead: options.lead === undefined ? undefined : resolveUnitOption(ledger.units, options.lead, '--lead'),
    area: options.area === undefined ? undefined : resolveAreaOption(areas, options.area),
  };
}
