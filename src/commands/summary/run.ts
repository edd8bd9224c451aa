import { buildMonthlySummary, type MonthlySummary } from '../../core/summaries/monthly-summary.js';
import type { TrendPoint } from '../../core/summaries/monthly-trend.js';
import { writeFileAtomically, writeStreamAtomically } from '../../io/atomic-file.js';
import type { Diagnostic } from '../../core/model/diagnostic.js';
import { scopeLabel, scopeLedger, type LedgerScope } from '../../core/rules/ledger-scope.js';
import { dayOfMonth } from '../../core/reports/report-path.js';
import type { Ledger } from '../../core/model/ledger.js';
import { resolveAreaOption } from '../shared/resolve-area-option.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';
import { exportPath, writeExport, type RenderFormat } from '../../io/export-file.js';
import { withLedger, type LedgerRepo } from '../../io/ledger-repo.js';
import { gatherReportCounts, reportMonths } from '../../io/report-counts.js';

export interface SummaryOptions {
  root: string;
  cwd?: string;
  month: string;
  /** Default: the month's config.lead_report_day (the day leads report). */
  asOf?: string;
  /** Evaluate this Git revision instead of the ledger as of `asOf`. */
  rev?: string;
  /** Evaluate the work tree whatever `asOf` is. */
  worktree?: boolean;
  format: SummaryFormat;
  /** Output file; `-` puts Markdown or JSON into the result's `text`. Default 月度汇总-<month>.<format> in cwd. */
  out?: string;
  /** Only the tasks this unit leads (a lead's own report): name or alias. */
  lead?: string;
  /** Only this area: its number or a word of its title. */
  area?: string;
}

/** xlsx and md as `render`; docx the Word 通报 (summary-docx.ts); json the figures (stdout by default). */
export type SummaryFormat = RenderFormat | 'docx' | 'json';

export interface SummaryResult {
  diagnostics: Diagnostic[];
  summary?: MonthlySummary;
  /** Completion and overdue month by month, this month last (md, docx, json). */
  trend?: TrendPoint[];
  file?: string;
  text?: string;
}

/** Computes the monthly summary (with report counts when the ledger has reports) and writes it. */
export function summary(options: SummaryOptions): Promise<SummaryResult> {
  return withLedger(options.root, (repo) => summaryIn(repo, options));
}

async function summaryIn(repo: LedgerRepo, options: SummaryOptions): Promise<SummaryResult> {
  const reportDay = dayOfMonth(options.month, (await repo.config()).lead_report_day);
  const loaded = await repo.valid({ ...options, asOf: options.asOf ?? reportDay });
  if (!loaded.ledger) return { diagnostics: loaded.diagnostics };
  const scope = resolveScope(loaded.ledger, options);
  const scoped = scopeLedger(loaded.ledger, scope);
  const ledger = { ...scoped, config: { ...scoped.config, title: `${scoped.config.title}${scopeLabel(scope)}` } };
  const asOf = options.asOf ?? dayOfMonth(options.month, ledger.config.lead_report_day);
  const listed = loaded.reportFiles;
  const months = reportMonths(listed);
  const reports =
    months.length > 0 ? await gatherReportCounts(options.root, ledger, options.month, undefined, listed) : undefined;
  // The 通报's yearly record: every month of the year so far that has report files.
  const earlier = months.filter((m) => m.slice(0, 4) === options.month.slice(0, 4) && m < options.month);
  const yearReports = [
    ...(await Promise.all(earlier.map((m) => gatherReportCounts(options.root, ledger, m, undefined, listed)))),
  ];
  if (reports) yearReports.push(reports);
  const { lightMemory } = await import('../shared/light-memory.js');
  const memory = await lightMemory(repo, ledger, asOf, {
    scope: { name: `${scope.lead ?? ''}|${scope.area ?? ''}`, apply: (past) => scopeLedger(past, scope) },
  });
  const { previousMonthChange } = await import('./previous-month.js');
  const current = { ledger, month: options.month, asOf };
  const change = await previousMonthChange(repo, current, (past) => scopeLedger(past, scope));
  const result = {
    ...buildMonthlySummary(ledger, options.month, asOf, reports, yearReports, memory, change),
    version: loaded.version.label,
    change,
  };
  const baseName = ['月度汇总', scope.lead, scope.area, options.month].filter((p) => p !== undefined).join('-');
  const trend =
    options.format === 'xlsx'
      ? undefined
      : await (
          await import('./trend.js')
        ).monthlyTrend(repo, ledger, options.month, asOf, (past) => scopeLedger(past, scope));
  const written = await writeSummary({ ...options, format: options.format }, baseName, result, trend ?? []);
  return { diagnostics: [], summary: result, trend, ...written };
}

async function writeSummary(
  options: SummaryOptions,
  baseName: string,
  result: MonthlySummary,
  trend: TrendPoint[],
): Promise<{ file?: string; text?: string }> {
  if (options.format === 'json') {
    const text = `${JSON.stringify({ ...result, trend }, null, 2)}\n`;
    if (options.out === undefined || options.out === '-') return { text };
    return writeText(options, text);
  }
  if (options.format === 'docx') {
    const { writeSummaryDocx } = await import('./docx.js');
    return { file: await writeSummaryDocx(options, `${baseName}.docx`, result, trend) };
  }
  return writeExport({ ...options, format: options.format }, baseName, {
    xlsx: async (file) => {
      const { writeSummaryXlsx } = await import('../../render/summary-xlsx.js');
      await writeStreamAtomically(file, (stream) => writeSummaryXlsx(result, stream));
    },
    md: async () => (await import('../../render/summary-markdown.js')).renderSummaryMarkdown(result, trend),
  });
}

async function writeText(options: SummaryOptions, text: string): Promise<{ file: string }> {
  const file = exportPath(options, options.out!);
  writeFileAtomically(file, text);
  return { file };
}

export function resolveScope(ledger: Ledger, options: Pick<SummaryOptions, 'lead' | 'area'>): LedgerScope {
  const areas = ledger.areas.map((a) => a.data);
  return {
    lead: options.lead === undefined ? undefined : resolveUnitOption(ledger.units, options.lead, '--lead'),
    area: options.area === undefined ? undefined : resolveAreaOption(areas, options.area),
  };
}
