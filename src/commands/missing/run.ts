import { countBySeverity } from '../../core/diagnostic.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ledger } from '../../core/ledger.js';
import { scopeLedger } from '../../core/ledger-scope.js';
import { reportCounts, type MonthReportCounts, type PresentReport } from '../../core/report-counts.js';
import { classifyReportPath, REPORTS_DIR } from '../../core/report-path.js';
import { firstCommits, isInsideWorkTree, isNoCommits, type FirstCommit } from '../../io/git.js';
import type { LedgerVersion } from '../../core/ledger-version.js';
import { loadLedgerVersion } from '../../io/ledger-version.js';
import { listReportFiles } from '../../io/list-reports.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export interface MissingOptions {
  root: string;
  cwd?: string;
  month: string;
  /** The day (default today): the ledger as committed then, and only reports committed by then. */
  asOf?: string;
  /** Evaluate this Git revision instead of the ledger as of `asOf`. */
  rev?: string;
  /** Evaluate the work tree whatever `asOf` is. */
  worktree?: boolean;
  /** Only the units responsible for the tasks this unit leads (name or alias). */
  lead?: string;
}

export interface MissingResult extends MonthReportCounts {
  /** False when the ledger is not in a Git repository: lateness cannot be judged. */
  tracked: boolean;
  /** Errors in the ledger (the rest is still counted; exit code 1); set by `ledger missing`. */
  problems?: number;
  /** Which version of the ledger was evaluated (absent for the counts status and summary embed). */
  version?: LedgerVersion;
}

/** Units that owe a report for the month and have none, and reports committed after the due day. */
export async function missing(options: MissingOptions): Promise<MissingResult> {
  const asOf = options.asOf ?? '9999-12-31';
  const { ledger, diagnostics, version, reportFiles } = await loadLedgerVersion(options.root, { ...options, asOf });
  const lead = options.lead === undefined ? undefined : resolveUnitOption(ledger.units, options.lead, '--lead');
  const scoped = scopeLedger(ledger, { lead });
  const counts = await gatherReportCounts(options.root, scoped, options.month, options.asOf, reportFiles);
  return { ...counts, problems: countBySeverity(diagnostics).errors, version };
}

/**
 * The report counts for one month from the files under reports/ and their Git
 * history (for status and summary too). With `asOf`, a report first committed
 * after that day had not arrived yet: it counts as missing. `listed` is
 * listReportFiles' result when the caller already has it.
 */
export async function gatherReportCounts(
  root: string,
  ledger: Ledger,
  month: string,
  asOf?: string,
  listed: readonly string[] = listReportFiles(root, ledger).files,
): Promise<MissingResult> {
  const files = presentReports(listed, month);
  const tracked = await isInsideWorkTree(root);
  const commits = tracked && files.length > 0 ? await commitsOf(root, month) : undefined;
  const received = receivedDates(root, files);
  // With asOf, a report had arrived when it was received (received_on) or else first committed by then.
  const arrival = (file: string) => received.get(file) ?? commits?.get(file)?.committed.slice(0, 10) ?? '';
  const present = asOf && commits ? files.filter((report) => !(arrival(report.file) > asOf)) : files;
  return { ...reportCounts(ledger, month, present, tracked ? (commits ?? new Map()) : undefined, received), tracked };
}

/** received_on of each report (written by ledger merge --received), read without parsing the whole file. */
function receivedDates(root: string, reports: readonly PresentReport[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const report of reports) {
    try {
      const text = readFileSync(path.join(root, report.file), 'utf8');
      const date = /^received_on:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1];
      if (date) out.set(report.file, date);
    } catch {
      // An unreadable file is reported by validate; here it simply has no arrival date.
    }
  }
  return out;
}

/** Months that have a report among these files (listReportFiles), oldest first. */
export function reportMonths(listed: readonly string[]): string[] {
  const months = new Set<string>();
  for (const file of listed) {
    const shape = classifyReportPath(file);
    if (shape.kind === 'report') months.add(shape.month);
  }
  return [...months].sort();
}

function presentReports(listed: readonly string[], month: string): PresentReport[] {
  const out: PresentReport[] = [];
  for (const file of listed) {
    const shape = classifyReportPath(file);
    if (shape.kind === 'report' && shape.month === month) out.push({ unit: shape.unitName, file });
  }
  return out;
}

async function commitsOf(root: string, month: string): Promise<Map<string, FirstCommit>> {
  try {
    return await firstCommits(root, [`${REPORTS_DIR}/${month}`]);
  } catch (error) {
    // A repository without any commit yet has no history to read.
    if (isNoCommits(error)) return new Map();
    throw error;
  }
}
