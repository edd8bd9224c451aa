import { DECISIONS_DIR, receiptOfPath } from '../core/model/decision-path.js';
import { listFilesUnder } from './list-reports.js';
import { repoFolder } from './repo-path.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dueReportMonth } from '../core/rules/evaluate.js';
import type { Ledger } from '../core/model/ledger.js';
import { commitDay, landedTimes, type LineCommit } from '../core/model/ledger-version.js';
import { clockNow } from './clock.js';
import { reportCounts, type GatheredReports, type PresentReport } from '../core/reports/report-counts.js';
import { classifyReportPath, REPORTS_DIR } from '../core/reports/report-path.js';
import { openArrivalCache } from './arrival-cache.js';
import { firstCommits, firstParentLine, isInsideWorkTree, isNoCommits, type FirstCommit } from './git.js';
import { readHeadCommit, UNBORN } from './head-commit.js';
import { listReportFiles } from './list-reports.js';

/**
 * The report counts for one month from the files under reports/ and their Git history (missing,
 * status, remind, trend, summary, site). With `asOf`, a report that arrived after that day — received
 * (received_on) or else first committed later, both as days in the ledger's time zone — had not
 * arrived yet: it counts as missing. `listed` is listReportFiles' result when the caller has it.
 */
export async function gatherReportCounts(
  root: string,
  ledger: Ledger,
  month: string,
  asOf?: string,
  listed: readonly string[] = listReportFiles(root, ledger).files,
): Promise<GatheredReports> {
  const received = await receivedDates(root, presentReports(listed, month));
  const files = withReceiptsOnly(presentReports(listed, month), received, month);
  const head = readHeadCommit(root);
  const tracked = head !== undefined || (await isInsideWorkTree(root));
  const commits = tracked && files.length > 0 ? await commitsOf(root, month, head) : undefined;
  const committedDay = (file: string) => {
    const committed = commits?.get(file)?.committed;
    return committed ? commitDay(committed, ledger.config.timezone) : '';
  };
  const arrival = (file: string) => received.get(file) ?? committedDay(file);
  const present = asOf && commits ? files.filter((report) => !(arrival(report.file) > asOf)) : files;
  return { ...reportCounts(ledger, month, present, tracked ? (commits ?? new Map()) : undefined, received), tracked };
}

/**
 * The counts of the month whose report is due as of `asOf` (this month after its report_day, else
 * last month), counting only reports that had arrived by `asOf`. Undefined when the ledger has no
 * reports at all, or only for later months (the monthly cycle had not started then).
 */
export async function dueReportCounts(
  root: string,
  ledger: Ledger,
  asOf: string,
  listed: readonly string[] = listReportFiles(root, ledger).files,
): Promise<GatheredReports | undefined> {
  const months = reportMonths(listed);
  const month = dueReportMonth(asOf, ledger.config.report_day);
  if (months.length === 0 || month < months[0]!) return undefined;
  return gatherReportCounts(root, ledger, month, asOf, listed);
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

/**
 * When each mailed form was received: its receipt decision (the earliest), else — for repositories
 * from before decision files — the received_on that `merge --received` once wrote into the stored
 * report, read by the yaml package; only files that mention the key are parsed.
 */
async function receivedDates(root: string, reports: readonly PresentReport[]): Promise<Map<string, string>> {
  const out = receiptDates(root);
  for (const report of reports) {
    const text = readText(path.join(root, report.file));
    if (out.has(report.file) || !text?.includes('received_on')) continue;
    const { parse } = await import('yaml');
    const date = receivedOn(() => parse(text) as unknown);
    if (date) out.set(report.file, date);
  }
  return out;
}

/** A form received (its receipt recorded) but not merged yet counts as the unit's report of the month. */
function withReceiptsOnly(
  files: PresentReport[],
  received: ReadonlyMap<string, string>,
  month: string,
): PresentReport[] {
  const units = new Set(files.map((f) => f.unit));
  for (const report of received.keys()) {
    const shape = classifyReportPath(report);
    if (shape.kind === 'report' && shape.month === month && !units.has(shape.unitName))
      files.push({ unit: shape.unitName, file: report });
  }
  return files;
}

/** Receipts recorded as decision files (ledger receive, merge --received): report file → the day it was received. */
export function receiptDates(root: string): Map<string, string> {
  const out = new Map<string, string>();
  if (repoFolder(root, DECISIONS_DIR) === 'absent') return out;
  for (const file of listFilesUnder(root, DECISIONS_DIR)) {
    const receipt = receiptOfPath(file);
    if (receipt && !(out.get(receipt.report)! <= receipt.on)) out.set(receipt.report, receipt.on);
  }
  return out;
}

function receivedOn(parse: () => unknown): string | undefined {
  try {
    const data = parse();
    const value = data && typeof data === 'object' ? (data as Record<string, unknown>).received_on : undefined;
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  } catch {
    // A report that does not parse is reported by validate; here it simply has no arrival date.
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function presentReports(listed: readonly string[], month: string): PresentReport[] {
  const out: PresentReport[] = [];
  for (const file of listed) {
    const shape = classifyReportPath(file);
    if (shape.kind === 'report' && shape.month === month) out.push({ unit: shape.unitName, file });
  }
  return out;
}

/** Each report's arrival as the time its commit landed on the first-parent line (see landedTimes). */
function landed(commits: Map<string, FirstCommit>, line: readonly LineCommit[]): Map<string, FirstCommit> {
  const times = landedTimes(line, Math.floor(clockNow() / 1000));
  const out = new Map<string, FirstCommit>();
  for (const [file, commit] of commits) {
    const time = times.get(commit.hash);
    const own = Math.floor(Date.parse(commit.committed) / 1000);
    out.set(
      file,
      time === undefined || time === own ? commit : { ...commit, committed: new Date(time * 1000).toISOString() },
    );
  }
  return out;
}

/** First commits of the month's reports: from the cache while HEAD (read without git) is unchanged. */
async function commitsOf(root: string, month: string, head: string | undefined): Promise<Map<string, FirstCommit>> {
  if (head === UNBORN) return new Map();
  const cache = head === undefined ? undefined : openArrivalCache(root, head);
  const known = cache?.get(month);
  if (known) return known;
  try {
    const commits = landed(await firstCommits(root, [`${REPORTS_DIR}/${month}`]), await firstParentLine(root));
    cache?.set(month, commits);
    return commits;
  } catch (error) {
    // A repository without any commit yet has no history to read.
    if (isNoCommits(error)) return new Map();
    throw error;
  }
}
