import { parseDeadline } from '../../core/deadline.js';
import type { Ledger } from '../../core/ledger.js';
import type { LedgerVersion } from '../../core/ledger-version.js';
import { measureRefs } from '../../core/ledger.js';
import { dayOfMonth, monthOf } from '../../core/report-path.js';
import {
  doneKeys,
  monthRange,
  trendDay,
  monthEnd,
  trendRows,
  type TrendFilter,
  type TrendGrouping,
  type TrendMonth,
  type TrendResult,
} from '../../core/trend.js';
import { UsageError } from '../../errors.js';
import type { LedgerHistory, VersionedLedger } from '../../io/ledger-history.js';
import { VersionWalk } from '../../io/version-walk.js';
import { gatherReportCounts, reportMonths } from '../missing/run.js';
import { resolveAreaOption } from '../shared/resolve-area-option.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';
import { dayBefore } from '../../core/calendar.js';
import { countBySeverity } from '../../core/diagnostic.js';

export interface TrendOptions {
  root: string;
  cwd?: string;
  /** The last day: its month is the last month. */
  asOf: string;
  /** First and last month (YYYY-MM); default from the first report or the first deadline to the as-of month. */
  from?: string;
  to?: string;
  by?: TrendGrouping;
  area?: string;
  unit?: string;
  lead?: string;
  /** Evaluate today's work tree at every month end (deadlines only) instead of each month's version. */
  worktree?: boolean;
  today?: string;
}

/** The state at each month end, read from the Git history through one LedgerHistory. */
export async function trend(options: TrendOptions): Promise<TrendResult> {
  const walk = new VersionWalk(options.root, options);
  try {
    const latest = await walk.load(options.asOf);
    const filter = resolveFilter(latest.ledger, options);
    const to = options.to ?? monthOf(options.asOf);
    const from = options.from ?? (await defaultFrom(walk.history, latest, to, options.worktree));
    if (from > to)
      throw new UsageError(`--from ${from} 晚于最后一个月 ${to}`, '例如 ledger trend --from 2020-07 --to 2020-12');
    const by = options.by ?? 'total';
    const span = { root: options.root, asOf: options.asOf, by, filter, months: monthRange(from, to) };
    const months = await trendMonths(span, walk);
    return { title: latest.ledger.config.title, by, filter, from, to, asOf: options.asOf, months };
  } finally {
    walk.close();
  }
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
  for (const month of span.months) {
    const day = trendDay(month, span.asOf);
    const loaded = await walk.load(day);
    const end = monthEnd(loaded.ledger, day, span.filter, span.by);
    const reports = await monthReports(span.root, loaded, month, day);
    const rows = trendRows(loaded.ledger, end, span.by, doneBefore, reports);
    const { errors: problems } = countBySeverity(loaded.diagnostics);
    months.push({ month, day, version: loaded.version, problems, rows });
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

export async function monthReports(root: string, loaded: VersionedLedger, month: string, day: string) {
  const months = reportMonths(loaded.reportFiles);
  // Not yet due (the as-of month before its report day), or before the monthly cycle started.
  if (day < dayOfMonth(month, loaded.ledger.config.report_day)) return undefined;
  if (months.length === 0 || month < months[0]!) return undefined;
  return gatherReportCounts(root, loaded.ledger, month, day, loaded.reportFiles);
}

/** The first month with a report or the plan's first deadline, not before the first commit. */
async function defaultFrom(
  history: LedgerHistory,
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
  const firstCommit = worktree ? undefined : await history.firstCommitDay();
  if (firstCommit && monthOf(firstCommit) > from) from = monthOf(firstCommit);
  return from > to ? to : from;
}

function resolveFilter(ledger: Ledger, options: TrendOptions): TrendFilter {
  const filter: TrendFilter = {};
  if (options.area !== undefined)
    filter.area = resolveAreaOption(
      ledger.areas.map((a) => a.data),
      options.area,
    );
  if (options.unit !== undefined) filter.unit = resolveUnitOption(ledger.units, options.unit, '--unit');
  if (options.lead !== undefined) filter.lead = resolveUnitOption(ledger.units, options.lead, '--lead');
  return filter;
}

export type { LedgerVersion };
