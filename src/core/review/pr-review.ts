import { diagnosticAt, fileDiagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Ledger } from '../model/ledger.js';
import type { LedgerDelta } from './ledger-delta.js';
import { sameValue } from '../model/same-value.js';
import { planMerge } from '../reports/merge-plan.js';
import type { ReportSource } from '../reports/report-checks.js';
import { classifyReportPath } from '../reports/report-path.js';
import { expectedLedger, newMeasuresWithProgress, redatedCompletions, unbackedProgress } from './pr-progress.js';
import { reviewDecisions } from './pr-decisions.js';
import type { DecisionSource } from '../model/decision.js';
import { extensionChanges, unitsReportingIn } from './pr-extensions.js';

/** A file under reports/ that the pull request adds, changes, renames or deletes. */
export interface ReportFileChange {
  status: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
  path: string;
  oldPath?: string;
}

export interface PullRequestInput {
  base: Ledger;
  head: Ledger;
  delta: LedgerDelta;
  reportChanges: readonly ReportFileChange[];
  /** Every report at the head that passed the schema. */
  headReports: readonly ReportSource[];
  /** Files under decisions/ the pull request adds, changes, renames or deletes. */
  decisionChanges: readonly ReportFileChange[];
  /** The decision files it adds that parsed, oldest first. */
  addedDecisions: readonly DecisionSource[];
  /** Today in the ledger's time zone. */
  asOf: string;
}

/** report: only reports/; merge: progress fields (and the reports behind them); definition: what the document defines. */
export type PullRequestKind = 'none' | 'report' | 'merge' | 'definition' | 'mixed';

export interface ReportInPullRequest {
  file: string;
  unit: string;
  month: string;
  change: 'added' | 'modified' | 'deleted';
  /** Measures the report covers (0 when deleted or unreadable). */
  measures: number;
}

export interface Completion {
  id: string;
  title: string;
  /** merged: 已完成 in the head ledger; after-merge: would be once these reports are merged. */
  when: 'merged' | 'after-merge';
}

export interface PullRequestReview {
  kind: PullRequestKind;
  /** What makes it a definition change, and what makes it progress; for the messages. */
  definitionParts: string[];
  progressParts: string[];
  reports: ReportInPullRequest[];
  /** Units whose merged report records (unit_reports) the pull request changes, with how many measures. */
  merged: { unit: string; measures: number }[];
  completes: Completion[];
  diagnostics: Diagnostic[];
}

/** The rules a pull request must pass beyond `ledger validate`, and its summary. */
export function reviewPullRequest(input: PullRequestInput): PullRequestReview {
  const definitionParts = definitionPartsOf(input.delta);
  const progressParts = input.delta.changed
    .filter((c) => c.progress.length > 0)
    .map((c) => `${c.head.measure.id} 的 ${c.progress.join('、')}`);
  const kind = kindOf(
    definitionParts.length > 0,
    progressParts.length > 0 || input.decisionChanges.length > 0,
    input.reportChanges.length > 0,
  );
  const expected = expectedLedger(input.base, input.headReports, input.delta, input.addedDecisions);
  const diagnostics = [
    ...removedMeasures(input),
    ...mergedReportsEdited(input),
    ...arrivalsInReports(input),
    ...reviewDecisions({
      base: input.base,
      changes: input.decisionChanges,
      added: input.addedDecisions,
      problems: expected.problems,
      asOf: input.asOf,
    }),
    ...unbackedProgress(input.delta, expected.measures),
    ...redatedCompletions(input.delta),
    ...extensionChanges({
      base: input.base,
      changed: input.delta.changed,
      headReports: input.headReports,
      reportingUnits: unitsReportingIn(
        input.reportChanges.filter((c) => c.status !== 'D').map((c) => c.path),
        input.base,
      ),
    }),
    ...newMeasuresWithProgress(input.delta),
    ...(kind === 'mixed' ? [mixedKinds(input, definitionParts, progressParts)] : []),
  ];
  return {
    kind,
    definitionParts,
    progressParts,
    reports: reportsIn(input),
    merged: mergedUnits(input.delta),
    completes: completions(input, kind),
    diagnostics,
  };
}

function kindOf(definition: boolean, progress: boolean, reports: boolean): PullRequestKind {
  if (definition && (progress || reports)) return 'mixed';
  if (progress) return 'merge';
  if (reports) return 'report';
  return definition ? 'definition' : 'none';
}

function definitionPartsOf(delta: LedgerDelta): string[] {
  return [
    ...delta.renumbered.map(({ from, to }) => `具体措施 ${from.measure.id} 改编号为 ${to.measure.id}`),
    ...delta.added.map((ref) => `新增具体措施 ${ref.measure.id}`),
    ...delta.removed.map((ref) => `删除具体措施 ${ref.measure.id}`),
    ...delta.changed
      .filter((c) => c.definition.length > 0)
      .map((c) => `${c.head.measure.id} 的 ${c.definition.join('、')}`),
    ...delta.frame.map((f) => `${f.what}（${f.file}）`),
  ];
}

function removedMeasures({ delta }: PullRequestInput): Diagnostic[] {
  const renumbered = delta.renumbered.map(({ from, to }) =>
    diagnosticAt(to.locate([...to.path, 'id']), {
      code: 'check/measure-renumbered',
      message: `具体措施 ${from.measure.id}（${from.measure.title}）的内容现在在编号 ${to.measure.id} 下（${to.file}）；编号是台账、报送和 Git 历史的依据，${from.measure.id} 和 ${to.measure.id} 都不能改号或互换内容`,
      hint: `恢复原样：${from.measure.id} 的标题、全文、完成时限、责任部门回到编号 ${from.measure.id} 下；确需调整，请在源文件修订后由牵头单位单独提交并说明`,
    }),
  );
  const removed = delta.removed.map((ref) =>
    fileDiagnostic(ref.file, {
      code: 'check/measure-removed',
      message: `删除了具体措施 ${ref.measure.id}（${ref.measure.title}）；台账中的措施不能删除`,
      hint: '恢复这项措施；不再执行的措施请保留并在 备注（remark）中说明',
    }),
  );
  return [...renumbered, ...removed];
}

function mergedReportsEdited({ base, reportChanges }: PullRequestInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const change of reportChanges) {
    if (change.status === 'A' || change.status === 'C') continue;
    const old = change.oldPath ?? change.path;
    const shape = classifyReportPath(old);
    if (shape.kind !== 'report') continue;
    const merged = mergedMonth(base, shape.unitName);
    if (merged === undefined || merged < shape.month) continue;
    const verb = change.status === 'D' ? '删除' : change.status === 'R' ? '移动' : '修改';
    out.push(
      fileDiagnostic(change.status === 'D' ? old : change.path, {
        code: 'check/merged-report-edited',
        message: `${verb}了已经合并进台账的报送 ${old}（${shape.unitName} ${shape.month}）；已合并的报送是审计记录，不能再改`,
        hint: `恢复原样：git checkout <基准分支> -- '${old}'；更正的内容请写进下个月的报送`,
      }),
    );
  }
  return out;
}

/** A unit's own file never carries its arrival: a report arrives by landing on main, or by the lead's receipt. */
function arrivalsInReports({ reportChanges, headReports }: PullRequestInput): Diagnostic[] {
  const touched = new Set(reportChanges.filter((c) => c.status !== 'D').map((c) => c.path));
  return headReports
    .filter((report) => touched.has(report.file) && report.data.received_on !== undefined)
    .map((report) =>
      diagnosticAt(report.locate(['received_on'], 'key'), {
        code: 'check/arrival-in-report',
        message: `${report.file} 自己写了收到日期 received_on: ${report.data.received_on}；报送的到达时间由合并进主分支的时间决定，邮寄的表格由牵头单位记录收件，报送表不能自报`,
        hint: '删除 received_on；表格是邮寄或送来的，由牵头单位 ledger merge 表格 --received 收到的日期（写出收件决定文件）',
      }),
    );
}

/** The latest month of `unit` merged into any measure of the ledger. */
function mergedMonth(ledger: Ledger, unit: string): string | undefined {
  let latest: string | undefined;
  for (const source of ledger.areas) {
    for (const task of source.data.tasks) {
      for (const measure of task.measures) {
        const month = measure.unit_reports?.[unit]?.month;
        if (month && (!latest || month > latest)) latest = month;
      }
    }
  }
  return latest;
}

function mixedKinds({ delta }: PullRequestInput, definitionParts: string[], progressParts: string[]): Diagnostic {
  const first = delta.changed.find((c) => c.definition.length > 0)?.head ?? delta.added[0] ?? delta.renumbered[0]?.to;
  const where = first
    ? first.locate(first.path)
    : { file: delta.frame[0]?.file ?? delta.removed[0]?.file ?? 'ledger', line: 0, col: 0 };
  const progress = progressParts.length > 0 ? progressParts : ['reports/ 中的报送'];
  return diagnosticAt(where, {
    code: 'check/mixed-kinds',
    message: `本次合并请求把台账定义的修改（${preview(definitionParts)}）和进展/报送（${preview(progress)}）混在了一起`,
    hint: '拆成两个合并请求：一个只改定义（ledger/ 中的标题、全文、完成时限、责任部门、牵头单位，以及 ledger/units.yaml），先审批合并；另一个只含报送（reports/）和 ledger merge 写入的进展字段',
  });
}

function preview(parts: readonly string[]): string {
  return parts.length <= 3 ? parts.join('；') : `${parts.slice(0, 3).join('；')} 等 ${parts.length} 处`;
}

function reportsIn({ reportChanges, headReports }: PullRequestInput): ReportInPullRequest[] {
  const out: ReportInPullRequest[] = [];
  for (const change of reportChanges) {
    const shape = classifyReportPath(change.status === 'D' ? (change.oldPath ?? change.path) : change.path);
    if (shape.kind !== 'report') continue;
    const report = headReports.find((r) => r.file === change.path);
    const kind =
      change.status === 'D' ? 'deleted' : change.status === 'A' || change.status === 'C' ? 'added' : 'modified';
    out.push({
      file: change.path,
      unit: shape.unitName,
      month: shape.month,
      change: kind,
      measures: change.status === 'D' ? 0 : (report?.data.entries.length ?? 0),
    });
  }
  return out;
}

function mergedUnits(delta: LedgerDelta): PullRequestReview['merged'] {
  const counts = new Map<string, number>();
  for (const change of delta.changed) {
    if (!change.progress.includes('unit_reports')) continue;
    const before = change.base.measure.unit_reports ?? {};
    const after = change.head.measure.unit_reports ?? {};
    for (const unit of Object.keys(after))
      if (!sameValue(before[unit], after[unit])) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  return [...counts].map(([unit, measures]) => ({ unit, measures }));
}

function completions(
  { head, delta, reportChanges, headReports }: PullRequestInput,
  kind: PullRequestKind,
): Completion[] {
  if (kind === 'merge' || kind === 'mixed') {
    return delta.changed
      .filter((c) => c.base.measure.status !== '已完成' && c.head.measure.status === '已完成')
      .map((c) => ({ id: c.head.measure.id, title: c.head.measure.title, when: 'merged' }));
  }
  if (kind !== 'report') return [];
  const changed = new Set(reportChanges.map((c) => c.path));
  const plan = planMerge(
    head,
    headReports.filter((r) => changed.has(r.file)),
  );
  return plan.measures
    .filter((m) => m.fields.some((f) => f.field === 'status' && f.after === '已完成'))
    .map((m) => ({ id: m.id, title: m.title, when: 'after-merge' }));
}
