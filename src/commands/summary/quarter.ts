/**
 * `ledger summary --quarter`: the quarterly report. Reads the quarter's start, its month ends and
 * its closing day from Git (one LedgerHistory), takes the month rows from `ledger trend` itself and
 * the report counts from `ledger missing`'s gatherReportCounts, then computes (core/summaries/quarterly-report.ts).
 */
import type { Diagnostic } from '../../core/model/diagnostic.js';
import { scopeLabel, scopeLedger, type LedgerScope } from '../../core/rules/ledger-scope.js';
import { dayBefore } from '../../core/model/calendar.js';
import { parseQuarter, type QuarterPeriod } from '../../core/summaries/quarter-period.js';
import {
  buildQuarterlyReport,
  type QuarterMonthInput,
  type QuarterSnapshot,
  type QuarterlyReport,
} from '../../core/summaries/quarterly-report.js';
import { monthOf } from '../../core/reports/report-path.js';
import { UsageError } from '../../errors.js';
import { openLedger, type LedgerRepo } from '../../io/ledger-repo.js';
import { ledgerTrend, monthReports } from '../../io/ledger-trend.js';
import type { VersionWalk } from '../../io/version-walk.js';
import { resolveScope, type SummaryFormat } from './run.js';
import { writeQuarterlyReport } from './quarter-write.js';

export interface QuarterOptions {
  root: string;
  cwd?: string;
  /** 2020Q3 or 2020-Q3. */
  quarter: string;
  /** The closing day within the quarter; default its last day (today while it is still running). */
  asOf?: string;
  /** The closing day's ledger from this revision (start and month ends still from history). */
  rev?: string;
  /** Every snapshot from the work tree (today's progress, each day's deadlines). */
  worktree?: boolean;
  format: SummaryFormat;
  /** Output file; `-` puts Markdown or JSON into `text`. Default 季度报告-<quarter>.<format> in cwd. */
  out?: string;
  lead?: string;
  area?: string;
}

export interface QuarterResult {
  diagnostics: Diagnostic[];
  report?: QuarterlyReport;
  file?: string;
  text?: string;
}

export async function quarterReport(options: QuarterOptions): Promise<QuarterResult> {
  const period = parseQuarterOption(options.quarter);
  const repo = openLedger(options.root);
  try {
    const walk = await repo.walk({ worktree: options.worktree });
    const day = closingDay(period, options.asOf, await repo.today());
    const loaded = await repo.valid({ ...options, asOf: day });
    if (!loaded.ledger) return { diagnostics: loaded.diagnostics };
    const scope = resolveScope(loaded.ledger, options);
    const scoped = scopeLedger(loaded.ledger, scope);
    const title = `${scoped.config.title}${scopeLabel(scope)}`;
    const ledger = { ...scoped, config: { ...scoped.config, title } };
    const end: QuarterSnapshot = { day, ledger, version: loaded.version };
    const months = await monthInputs(repo, { ...options, period, day, scope }, walk);
    const start = await startSnapshot(walk, period, scope);
    const { lightMemory } = await import('../shared/light-memory.js');
    const memory = await lightMemory(repo, ledger, day, {
      scope: { name: `${scope.lead ?? ''}|${scope.area ?? ''}`, apply: (past) => scopeLedger(past, scope) },
    });
    const report = buildQuarterlyReport(period, start, end, months, memory);
    const baseName = ['季度报告', scope.lead, scope.area, period.quarter].filter((p) => p !== undefined).join('-');
    return { diagnostics: [], report, ...(await writeQuarterlyReport(options, baseName, report)) };
  } finally {
    repo.close();
  }
}

/** 2020Q3, 2020-Q3; anything else a UsageError (exit 2). */
export function parseQuarterOption(text: string): QuarterPeriod {
  const period = parseQuarter(text);
  if (!period)
    throw new UsageError(
      `--quarter 的季度“${text}”无效`,
      '季度写作 YYYYQn（n 为 1–4），例如 --quarter 2020Q3（即 2020 年 7–9 月），也可写 2020-Q3',
    );
  return period;
}

/** The day the quarter is closed on: --as-of within it, else its last day, but not after today. */
export function closingDay(period: QuarterPeriod, asOf: string | undefined, today: string): string {
  if (asOf !== undefined && asOf < period.firstDay)
    throw new UsageError(
      `--as-of ${asOf} 早于 ${period.quarter}（${period.firstDay} 至 ${period.lastDay}）`,
      `省略 --as-of 按季度最后一天计算，或写季度内的一天，例如 --as-of ${period.lastDay}`,
    );
  if (asOf !== undefined) return asOf < period.lastDay ? asOf : period.lastDay;
  if (today < period.firstDay)
    throw new UsageError(`${period.quarter} 还没有开始（${period.firstDay} 起）`, '换一个已经开始的季度');
  return today < period.lastDay ? today : period.lastDay;
}

/** Each month of the quarter through the closing day: trend's row, its ledger and report counts. */
async function monthInputs(
  repo: LedgerRepo,
  { period, day, scope, worktree }: { period: QuarterPeriod; day: string; scope: LedgerScope; worktree?: boolean },
  walk: VersionWalk,
): Promise<QuarterMonthInput[]> {
  const walked = await ledgerTrend(repo, {
    asOf: day,
    from: period.months[0],
    to: monthOf(day),
    by: 'total',
    filter: () => ({
      ...(scope.lead === undefined ? {} : { lead: scope.lead }),
      ...(scope.area === undefined ? {} : { area: scope.area }),
    }),
    worktree,
  });
  const months: QuarterMonthInput[] = [];
  for (const month of walked.months) {
    const loaded = await walk.history.load(month.version);
    const reports = await monthReports(repo.root, loaded, month.month, month.day);
    const ledger = scopeLedger(loaded.ledger, scope);
    months.push({ month: month.month, day: month.day, version: month.version, row: month.rows[0]!, ledger, reports });
  }
  return months;
}

/**
 * The ledger as committed at the end of the day before the quarter, counted on its first day. When
 * the ledger was first committed within the quarter, its first version stands for the start.
 */
async function startSnapshot(walk: VersionWalk, period: QuarterPeriod, scope: LedgerScope): Promise<QuarterSnapshot> {
  const before = dayBefore(period.firstDay);
  let note: string | undefined;
  const loaded = await walk.load(before).catch(async (error: unknown) => {
    const first = await walk.history.firstCommitDay();
    if ((error as { kind?: string }).kind !== 'before-first-commit' || !first) throw error;
    note = `${before} 时台账尚未提交到仓库，季初按 ${first} 提交的台账计算`;
    return walk.load(first);
  });
  return {
    day: period.firstDay,
    ledger: scopeLedger(loaded.ledger, scope),
    version: loaded.version,
    ...(note ? { note } : {}),
  };
}
