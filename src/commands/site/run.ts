import path from 'node:path';
import type { Diagnostic } from '../../core/model/diagnostic.js';
import type { Ledger } from '../../core/model/ledger.js';
import type { MonthReportCounts } from '../../core/reports/report-counts.js';
import type { Counts } from '../../core/rules/rollup.js';
import { historiesById, type MeasureHistoryMap } from '../../core/review/site-history.js';
import { buildSiteModel } from '../../core/summaries/site-model.js';
import { dueReportMonth } from '../../core/rules/evaluate.js';
import { isInsideWorkTree } from '../../io/git.js';
import { SiteDir } from '../../io/site-dir.js';
import { readTemplate } from '../../io/templates.js';
import { commitDay } from '../../core/model/ledger-version.js';
import { onLedgerDay, type LedgerRepo } from '../../io/ledger-repo.js';
import { gatherReportCounts, reportMonths } from '../../io/report-counts.js';
import { siteTrend } from './trend.js';

export interface SiteOptions {
  root: string;
  cwd?: string;
  /** The day; default today in the ledger's time zone. */
  asOf?: string;
  /** Output folder; default `site` in cwd. */
  out?: string;
  /** Write into an existing folder not made by ledger site. */
  force?: boolean;
  /** An http(s) base URL for links to repository files (佐证材料 given as paths). */
  repoUrl?: string;
  /** An explicit revision (--rev), or the work tree whatever the day (--worktree). */
  rev?: string;
  worktree?: boolean;
}

export interface SiteResult {
  /** Errors in the ledger: nothing was written. */
  diagnostics: Diagnostic[];
  /** Absolute path of the site folder. */
  out?: string;
  /** Files written (pages and assets). */
  files?: number;
  measures?: number;
  total?: Counts;
  /** Whether the measure pages carry their Git history. */
  history?: boolean;
  /** Month ends before the as-of month in the trend (from Git history). */
  trendMonths?: string[];
  /** Months of reports/ shown on 报送情况. */
  reportMonths?: string[];
  /** 台账版本：… the version the pages show. */
  version?: string;
  warnings: string[];
}

/**
 * Builds the static site: every page is computed from the ledger as of `asOf` (as committed by the
 * end of that day, see docs/history.md) and written into `out`.
 */
export function site(options: SiteOptions): Promise<SiteResult> {
  return onLedgerDay(options, siteOn);
}

async function siteOn(repo: LedgerRepo, options: SiteOptions & { asOf: string }): Promise<SiteResult> {
  const loaded = await repo.valid(options);
  if (!loaded.ledger) return { diagnostics: loaded.diagnostics, warnings: [] };
  const ledger = loaded.ledger;
  const out = path.resolve(options.cwd ?? options.root, options.out ?? 'site');
  const dir = SiteDir.open(out, { root: options.root, force: options.force });
  try {
    const reports = await monthsOfReports(options.root, ledger, options.asOf, loaded.reportFiles);
    const history = await measureHistories(repo, options.asOf, ledger.config.timezone);
    const trend = history ? await siteTrend(repo, options.asOf) : undefined;
    const model = buildSiteModel(ledger, options.asOf, {
      reports,
      history: history?.map,
      historyWarnings: history?.warnings,
      trend,
      repoUrl: options.repoUrl,
      version: loaded.version.label,
    });
    const { sitePages } = await import('../../render/site/pages.js');
    dir.write('assets/site.css', readTemplate('site/site.css'));
    dir.write('assets/site.js', readTemplate('site/site.js'));
    for (const page of sitePages(model)) dir.write(page.path, page.html);
    dir.commit(`${JSON.stringify({ generator: 'ledger site', asOf: options.asOf }, null, 2)}\n`);
    return {
      diagnostics: [],
      out,
      files: dir.count,
      measures: model.items.length,
      total: model.total,
      history: history !== undefined,
      reportMonths: reports.map((r) => r.month),
      trendMonths: (trend ?? []).map((p) => p.month),
      version: loaded.version.label,
      warnings: history?.warnings ?? [],
    };
  } catch (error) {
    dir.abort();
    throw error;
  }
}

/** Report counts of every month with reports (and of the month due), each as far as `asOf` knew. */
async function monthsOfReports(
  root: string,
  ledger: Ledger,
  asOf: string,
  listed: string[],
): Promise<MonthReportCounts[]> {
  const months = reportMonths(listed).filter((m) => m <= asOf.slice(0, 7));
  if (months.length === 0) return [];
  const due = dueReportMonth(asOf, ledger.config.report_day);
  const all = [...new Set([...months, due])].sort();
  const counts: MonthReportCounts[] = [];
  for (const month of all) counts.push(await gatherReportCounts(root, ledger, month, asOf, listed));
  return counts;
}

/** Each measure's history from one walk over Git, up to `asOf`; undefined outside Git or without commits. */
async function measureHistories(repo: LedgerRepo, asOf: string, timezone: string) {
  if (!(await isInsideWorkTree(repo.root))) return undefined;
  const walk = await repo.measureChanges();
  if (walk.noCommits) return undefined;
  const events = walk.events.filter((e) => commitDay(e.commit.date, timezone) <= asOf);
  const map: MeasureHistoryMap = historiesById(events, timezone);
  return { map, warnings: walk.warnings };
}
