import type { Decision } from '../../core/model/decision.js';
import { UsageError } from '../../errors.js';
import { decisionDeciders, receiptDateProblem } from '../../core/rules/decisions.js';
import { decisionWrite } from '../../io/decision-files.js';
import { olderThanMerged } from '../../core/reports/report-stale.js';
import { reportArrivals } from '../../io/report-arrivals.js';
import { existsIn } from '../../io/ledger-root.js';
import { expandInputs, type Input } from '../../io/merge-inputs.js';
import {
  diagnosticAt,
  fileDiagnostic,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
} from '../../core/model/diagnostic.js';
import type { Ledger } from '../../core/model/ledger.js';
import { planMerge, type MergePlan } from '../../core/reports/merge-plan.js';
import { checkReports, reportContent, reportUnit, type ReportSource } from '../../core/reports/report-checks.js';
import { dayOfMonth, isIgnorableReportsFile, reportPath, REPORTS_DIR } from '../../core/reports/report-path.js';
import { receiptDates } from '../../io/report-counts.js';
import { formFromReport } from '../../core/reports/report-template.js';
import { sameValue } from '../../core/model/same-value.js';
import { withCellNames } from '../../core/model/xlsx-cell-names.js';
import { applyMerge, type ExtraWrite } from '../../io/apply-merge.js';
import { linkDiagnostic, readBytes } from '../../io/load-ledger.js';
import { linkProblem, MAX_REPO_FILE_BYTES, readRepoFile } from '../../io/repo-path.js';
import { MAX_XLSX_BYTES, xlsxSizeProblem } from '../../io/xlsx-limits.js';
import { writeBlockers } from '../../core/rules/write-blockers.js';
import { openLedger, type LedgerRepo } from '../../io/ledger-repo.js';
import { withWriteSession, type WriteSession } from '../../io/repo-write.js';
import { parseReport, reportsFileProblem } from '../../io/load-reports.js';
import { renderReportYaml } from '../../render/report-yaml.js';
import { pushAll } from '../../core/model/arrays.js';

export interface MergeOptions {
  root: string;
  cwd?: string;
  /** Report files (yaml or xlsx) or folders holding them. */
  paths: readonly string[];
  /** Today, YYYY-MM-DD (default: today in the ledger's time zone): reports for later months are refused. */
  asOf?: string;
  /** Compute and report, write nothing. */
  dryRun?: boolean;
  /** When the lead received the forms (mailed): stored as received_on with each report lacking one. */
  received?: string;
}

type Dated = MergeOptions & { asOf: string };

export interface MergedReport {
  /** The input, relative to the root when inside it. */
  file: string;
  unit: string;
  month: string;
  /** Where the report is kept: reports/YYYY-MM/<unit>.yaml. */
  stored: string;
  /** A mailed form: the day it was received (its receipt, or --received now) and whether by the report day. */
  arrival?: { received: string; due: string; onTime: boolean };
}

export interface MergeResult {
  diagnostics: Diagnostic[];
  reports: MergedReport[];
  /** Older reports in their place under reports/ that Git shows were merged in their time: skipped (已合并过，跳过). */
  skipped: { file: string; unit: string; month: string }[];
  plan: MergePlan;
  /** Files written, relative to the root; empty on a dry run or when there is nothing to do. */
  written: string[];
  dryRun: boolean;
}

/** Validates every report given, then applies all of them or nothing. */
export async function merge(options: MergeOptions): Promise<MergeResult> {
  const repo = openLedger(options.root);
  const dated = { ...options, asOf: await repo.day(options.asOf) };
  if (options.received && options.received > dated.asOf)
    throw new UsageError(`收到日期 ${options.received} 晚于 ${dated.asOf}`, '--received 写实际收到表格的那一天');
  if (options.dryRun) return mergeIn(repo, dated);
  return withWriteSession(options.root, 'ledger merge', (session) => mergeIn(repo, dated, session));
}

async function mergeIn(repo: LedgerRepo, options: Dated, session?: WriteSession): Promise<MergeResult> {
  const { ledger, diagnostics: ledgerDiagnostics } = await repo.readForWrite();
  const diagnostics = writeBlockers(ledgerDiagnostics, '合并');
  const inputs = expandInputs(options.root, options.cwd ?? options.root, options.paths).filter(
    (input) => !isIgnorableReportsFile(input.file),
  );
  const reports: ReportSource[] = [];
  const bytesOf = new Map<ReportSource, Uint8Array>();
  for (const input of inputs) {
    const read = await readInput(options.root, ledger, input, diagnostics);
    if (!read) continue;
    reports.push(read.report);
    bytesOf.set(read.report, read.bytes);
  }
  pushAll(diagnostics, checkReports(ledger, reports, { asOf: options.asOf, fileExists: existsIn(options.root) }));
  const { fresh, skipped } = skipMergedHistory(options.root, ledger, reports);
  const stored = storeReports(options.root, ledger, fresh, bytesOf, diagnostics, options.received);
  const plan = planMerge(ledger, fresh);
  pushAll(diagnostics, plan.diagnostics);
  const result: MergeResult = {
    diagnostics: sortDiagnostics(withCellNames(diagnostics)),
    reports: withArrivals(ledger, stored.merged, receiptDates(options.root), received(stored.writes, options.received)),
    skipped,
    plan,
    written: [],
    dryRun: options.dryRun ?? false,
  };
  if (hasErrors(diagnostics) || !session) return result;
  return { ...result, written: applyMerge(options.root, plan.files, stored.writes, session).sort() };
}

async function readInput(
  root: string,
  ledger: Ledger,
  input: Input,
  diagnostics: Diagnostic[],
): Promise<{ report: ReportSource; bytes: Uint8Array } | undefined> {
  const stray = input.file.startsWith(`${REPORTS_DIR}/`) ? reportsFileProblem(ledger, root, input.file) : undefined;
  const kind = /\.ya?ml$/i.test(input.file) ? 'yaml' : /\.xlsx$/i.test(input.file) ? 'xlsx' : undefined;
  if (stray || !kind) {
    diagnostics.push(
      stray ??
        fileDiagnostic(input.file, {
          code: 'report/not-a-report',
          message: `${input.file} 不是报送文件（只接受 .yaml 报送文件和 .xlsx 报送表）`,
          hint: '去掉这个参数，或把文件移出要合并的文件夹',
        }),
    );
    return undefined;
  }
  const max = kind === 'xlsx' ? MAX_XLSX_BYTES : MAX_REPO_FILE_BYTES;
  const bytes = input.file === input.absolute ? readBytes(input.absolute, max) : readRepoFile(root, input.file, max);
  const report =
    kind === 'yaml' ? parseReport(bytes, input.file, diagnostics) : await readXlsx(bytes, input.file, diagnostics);
  return report && { report, bytes };
}

async function readXlsx(bytes: Uint8Array, file: string, diagnostics: Diagnostic[]): Promise<ReportSource | undefined> {
  const tooLarge = xlsxSizeProblem(bytes, file);
  if (tooLarge) {
    diagnostics.push(tooLarge);
    return undefined;
  }
  const { readReportXlsx } = await import('../../io/read-report-xlsx.js');
  const { loadReportFormLayout } = await import('../../io/report-form-layout.js');
  return readReportXlsx(bytes, file, loadReportFormLayout(), diagnostics);
}

/**
 * Every merged report is kept at reports/YYYY-MM/<unit>.yaml: a report given
 * from elsewhere (or as xlsx) is copied there, unless the same report is already
 * there; a different one there is a conflict.
 */
function storeReports(
  root: string,
  ledger: Ledger,
  reports: readonly ReportSource[],
  bytesOf: ReadonlyMap<ReportSource, Uint8Array>,
  diagnostics: Diagnostic[],
  received?: string,
) {
  const merged: MergedReport[] = [];
  const writes: ExtraWrite[] = [];
  for (const report of reports) {
    const unit = reportUnit(ledger, report.data);
    const stored = unit ? reportPath(report.data.month, unit) : undefined;
    if (!unit || !stored) continue;
    merged.push({ file: report.file, unit, month: report.data.month, stored });
    // A unit's own file under reports/ arrives by its commit; only a form brought in from outside was received.
    if (stored === report.file) continue;
    const link = linkProblem(root, stored);
    if (link) {
      diagnostics.push(linkDiagnostic(stored, link));
      continue;
    }
    const present = existsIn(root)(stored);
    const existing = present ? parseReport(readRepoFile(root, stored), stored, []) : undefined;
    if (existing && sameValue(reportContent(existing.data, unit), reportContent(report.data, unit))) continue;
    if (present) {
      diagnostics.push(
        diagnosticAt(report.locate(['unit']), {
          code: 'report/duplicate',
          message: `${unit} ${report.data.month} 已有一份不同的报送 ${stored}，同一单位同一月份只能有一份`,
          hint: `如要以 ${report.file} 为准，先删除 ${stored}（Git 历史会保留它），再合并`,
        }),
      );
      continue;
    }
    const isXlsx = /\.xlsx$/i.test(report.file);
    const { received_on: _own, ...data } = report.data;
    const content = isXlsx ? renderReportYaml(formFromReport(ledger, unit, data)) : bytesOf.get(report)!;
    writes.push({ file: stored, content });
    if (received) writes.push(decisionWrite(receipt(ledger, stored, unit, received)));
  }
  return { merged, writes };
}

/** The stored files this merge records a receipt for (--received), with that day. */
function received(writes: readonly ExtraWrite[], on: string | undefined): Map<string, string> {
  const files = new Set(writes.map((w) => w.file));
  return new Map(on ? [...files].filter((file) => file.startsWith(`${REPORTS_DIR}/`)).map((file) => [file, on]) : []);
}

/** Each mailed form's received day (an earlier receipt first) against its month's report day. */
function withArrivals(
  ledger: Ledger,
  reports: readonly MergedReport[],
  recorded: ReadonlyMap<string, string>,
  now: ReadonlyMap<string, string>,
): MergedReport[] {
  return reports.map((report) => {
    const on = recorded.get(report.stored) ?? now.get(report.stored);
    if (!on) return report;
    const due = dayOfMonth(report.month, ledger.config.report_day);
    return { ...report, arrival: { received: on, due, onTime: on <= due } };
  });
}

/** The lead's receipt of a mailed form (收件), made by the first unit that may record it. */
function receipt(ledger: Ledger, report: string, unit: string, on: string): Decision {
  const problem = receiptDateProblem(report, on);
  if (problem) throw new UsageError(problem, '--received 写实际收到表格的那一天');
  const draft: Decision = { decision: '收件', report, by: unit, on };
  return { ...draft, by: decisionDeciders(ledger, draft)[0] ?? ledger.config.supervisors[0] ?? unit };
}

/**
 * Reports in their place under reports/ that are older than what the ledger holds for their unit, and that
 * Git shows arrived before the later month's report: they were merged in their time, so merging the month
 * again skips them. A late one (arrived after the later month) stays and is `report/stale`; without Git
 * nothing can be told apart and every such report stays.
 */
function skipMergedHistory(root: string, ledger: Ledger, reports: readonly ReportSource[]) {
  const older = olderThanMerged(ledger, reports);
  const arrived = older.length > 0 ? reportArrivals(root) : undefined;
  if (!arrived) return { fresh: reports, skipped: [] };
  // In time: first committed before the report of the month merged since (reports/<merged>/<unit>.yaml).
  const inTime = (o: (typeof older)[number]) => {
    const mine = arrived.get(o.report.file);
    const later = arrived.get(reportPath(o.merged, o.unit) ?? '');
    return mine !== undefined && later !== undefined && mine <= later;
  };
  const history = older.filter(inTime);
  const skip = new Set(history.map((o) => o.report));
  return {
    fresh: reports.filter((r) => !skip.has(r)),
    skipped: history.map((o) => ({ file: o.report.file, unit: o.unit, month: o.report.data.month })),
  };
}
