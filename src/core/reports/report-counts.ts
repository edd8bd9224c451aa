import type { Ledger } from '../model/ledger.js';
import { measureRefs } from '../model/ledger.js';
import { commitDay } from '../model/ledger-version.js';
import { dayOfMonth } from './report-path.js';
import { reportingUnits } from '../model/units.js';

/**
 * on-time / late: the report file's first commit was on/before or after the due day;
 * uncommitted: the file exists but is not committed yet; received: no Git history to judge by;
 * missing: the unit owes a report and has none.
 */
export type ReportState = 'on-time' | 'late' | 'uncommitted' | 'received' | 'missing';

export interface UnitReportState {
  unit: string;
  state: ReportState;
  file?: string;
  /** First commit of the report file (committer date, ISO 8601). */
  committed?: string;
  /** When the lead received a mailed form (`ledger merge --received`, the report's received_on); counts instead of the commit. */
  received?: string;
}

export interface MonthReportCounts {
  month: string;
  /** config.report_day of the month. */
  due: string;
  owing: number;
  received: number;
  missing: number;
  late: number;
  rows: UnitReportState[];
}

/** A month's counts as gathered from reports/ and Git; `tracked` false outside Git (lateness unknown). */
export interface GatheredReports extends MonthReportCounts {
  tracked: boolean;
}

/** A report file present for a month. */
export interface PresentReport {
  unit: string;
  file: string;
}

/**
 * The units that owe a report for `month`: every unit that reports on some
 * measure, unless its merged reports had already finished all its measures
 * before that month.
 */
export function owingUnits(ledger: Pick<Ledger, 'areas' | 'units'>, month: string): string[] {
  const owing = new Set<string>();
  for (const { measure } of measureRefs(ledger)) {
    for (const unit of reportingUnits(ledger.units, measure.units)) {
      const last = measure.unit_reports?.[unit];
      if (!last || last.status !== '已完成' || last.month >= month) owing.add(unit);
    }
  }
  return [...owing];
}

/**
 * Who reported for `month` and when. `commits` maps a report file to the date it
 * was first committed; leave it undefined when the ledger is not tracked by Git.
 */
export function reportCounts(
  ledger: Pick<Ledger, 'areas' | 'units' | 'config'>,
  month: string,
  present: readonly PresentReport[],
  commits?: ReadonlyMap<string, { committed: string }>,
  /** Report file → the day the lead received it (received_on): lateness by arrival, not by commit. */
  received: ReadonlyMap<string, string> = new Map(),
): MonthReportCounts {
  const due = dayOfMonth(month, ledger.config.report_day);
  const byUnit = new Map(present.map((report) => [report.unit, report]));
  const units = [...new Set([...owingUnits(ledger, month), ...byUnit.keys()])];
  const rows = units.map((unit): UnitReportState => {
    const report = byUnit.get(unit);
    if (!report) return { unit, state: 'missing' };
    const arrived = received.get(report.file);
    if (arrived) {
      const committed = commits?.get(report.file)?.committed;
      const state = arrived > due ? 'late' : 'on-time';
      return { unit, state, file: report.file, received: arrived, ...(committed ? { committed } : {}) };
    }
    if (!commits) return { unit, state: 'received', file: report.file };
    const commit = commits.get(report.file);
    if (!commit) return { unit, state: 'uncommitted', file: report.file };
    const state = commitDay(commit.committed, ledger.config.timezone) > due ? 'late' : 'on-time';
    return { unit, state, file: report.file, committed: commit.committed };
  });
  rows.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.unit.localeCompare(b.unit, 'zh-CN'));
  const count = (state: ReportState) => rows.filter((row) => row.state === state).length;
  return {
    month,
    due,
    owing: units.length,
    received: rows.length - count('missing'),
    missing: count('missing'),
    late: count('late'),
    rows,
  };
}

const STATE_ORDER: Record<ReportState, number> = { late: 0, missing: 1, uncommitted: 2, received: 3, 'on-time': 4 };
