import { dayBefore, monthRange } from '../core/model/calendar.js';
import { parseDeadline } from '../core/model/deadline.js';
import { countBySeverity } from '../core/model/diagnostic.js';
import { measureRefs, type Ledger } from '../core/model/ledger.js';
import { dayOfMonth, monthOf } from '../core/reports/report-path.js';
import {
  doneKeys,
  monthEnd,
  trendRows,
  type TrendFilter,
  type TrendGrouping,
  type TrendMonth,
  type TrendResult,
} from '../core/summaries/trend.js';
import { UsageError } from '../errors.js';
import type { LedgerRepo, VersionedLedger } from './ledger-repo.js';
import { walkMonths } from './month-walk.js';
import { gatherReportCounts, reportMonths } from './report-counts.js';
import type { VersionWalk } from './version-walk.js';

export interface TrendRequest {
  /** The last day: its month is the last month. */
  asOf: string;
  /** First and last month (YYYY-MM); default from the first report or the first deadline to the as-of month. */
  from?: string;
  to?: string;
  by: TrendGrouping;
  /** The filter, resolved against the as-of day's ledger (names and aliases of the command line). */
  filter: (latest: Ledger) => TrendFilter;
  /** Evaluate today's work tree at every month end (deadlines only) instead of each month's version. */
  worktree?: boolean;
}

/**
 * The one monthly-trend computation (ledger trend, the quarterly report): the state at each month
 * end (core/model/month-day.ts), each month read from Git through the run's one month walk.
 */
export async function ledgerTrend(repo: LedgerRepo, request: TrendRequest): Promise<TrendResult> {
  const walk = await repo.walk({ worktree: request.worktree });
  const latest = await walk.load(request.asOf);
  const filter = request.filter(latest.ledger);
  const to = request.to ?? monthOf(request.asOf);
  const from = request.from ?? (await defaultFrom(repo, latest, to, request.worktree));
  if (from > to)
    throw new UsageError(`--from ${from} 晚于最后一个月 ${to}`, '例如 ledger trend --from 2020-07 --to 2020-12');
  const span = { root: repo.root, asOf: request.asOf, by: request.by, filter, months: monthRange(from, to) };
  const months = await trendMonths(span, walk);
  return { title: latest.ledger.config.title, by: request.by, filter, from, to, asOf: request.asOf, months };
}

/** What one walk over consecutive months needs. */
interface MonthSpan {
  root: string;
  asOf: string;
  by: TrendGrouping;
  filter: TrendFilter;
  months: string[];
}

/** The rows of consecutive months; the first month's 新完成 compares with the day before it. */
async function trendMonths(span: MonthSpan, walk: VersionWalk): Promise<TrendMonth[]> {
  let doneBefore = await doneAt(walk, dayBefore(`${span.months[0]}-01`), span);
  const months: TrendMonth[] = [];
  for await (const { month, day, loaded } of walkMonths(walk, span.months, { kind: 'month-end', asOf: span.asOf })) {
    const end = monthEnd(loaded!.ledger, day, span.filter, span.by);
    const reports = await monthReports(span.root, loaded!, month, day);
    const rows = trendRows(loaded!.ledger, end, span.by, doneBefore, reports);
    const { errors: problems } = countBySeverity(loaded!.diagnostics);
    months.push({ month, day, version: loaded!.version, problems, rows });
    doneBefore = doneKeys(end);
  }
  return months;
}

/** Ids done at the end of `day`; none before the first commit. */
async function doneAt(walk: VersionWalk, day: string, { filter, by }: MonthSpan): Promise<Set<string>> {
  try {
    const loaded = await walk.load(day);
    return doneKeys(monthEnd(loaded.ledger, day, filter, by));
  } catch (error) {
    if ((error as { kind?: string }).kind === 'before-first-commit') return new Set();
    throw error;
  }
}

/** The report counts of `month` on `day` from that version's reports; undefined before they were due. */
export async function monthReports(root: string, loaded: VersionedLedger, month: string, day: string) {
  const months = reportMonths(loaded.reportFiles);
  // Not yet due (the as-of month before its report day), or before the monthly cycle started.
  if (day < dayOfMonth(month, loaded.ledger.config.report_day)) return undefined;
  if (months.length === 0 || month < months[0]!) return undefined;
  return gatherReportCounts(root, loaded.ledger, month, day, loaded.reportFiles);
}

/** The first month with a report or the plan's first deadline, not before the first commit. */
async function defaultFrom(
  repo: LedgerRepo,
  latest: VersionedLedger,
  to: string,
  worktree: boolean | undefined,
): Promise<string> {
  const firstDeadline = measureRefs(latest.ledger)
    .flatMap(({ measure }) => {
      const deadline = parseDeadline(measure.deadline);
      return deadline?.kind === 'dated' ? deadline.milestones.map((m) => monthOf(m.due)) : [];
    })
    .sort()[0];
  const firstReport = reportMonths(latest.reportFiles)[0];
  const candidates = [firstDeadline, firstReport].filter((m): m is string => m !== undefined).sort();
  let from = candidates[0] ?? to;
  const firstCommit = worktree ? undefined : await (await repo.history()).firstCommitDay();
  if (firstCommit && monthOf(firstCommit) > from) from = monthOf(firstCommit);
  return from > to ? to : from;
}
