import { diagnosticAt, type Diagnostic, type SourcePosition } from '../model/diagnostic.js';
import { pushAll } from '../model/arrays.js';
import { withChanges } from '../model/apply-changes.js';
import type { DecisionSource } from '../model/decision.js';
import { DECISIONS_DIR } from '../model/decision-path.js';
import { applyDecisions, type AppliedDecisions } from '../rules/decisions.js';
import { measureRefs, type Ledger, type MeasureRef } from '../model/ledger.js';
import type { LedgerDelta } from './ledger-delta.js';
import { sameValue } from '../model/same-value.js';
import { planMerge } from '../reports/merge-plan.js';
import { reportUnit, type ReportSource } from '../reports/report-checks.js';
import type { Measure } from '../model/schema.js';
import { fieldLabel } from '../model/field-labels.js';
import { hasProgress } from '../model/progress-fields.js';

/** Progress fields that only `ledger merge` (with the decisions made on it) may write: each must follow from the files. */
export const BACKED_FIELDS = ['status', 'progress', 'milestones_met', 'unit_reports', 'notices'] as const;

export interface ExpectedLedger {
  /** Each measure as the base with the claimed reports merged and the added decisions applied would leave it. */
  measures: Map<string, Measure>;
  /** Added decisions that do not apply to that ledger, with why. */
  problems: AppliedDecisions<DecisionSource['data']>['problems'];
}

/**
 * The ledger the pull request should leave: the base, with the reports the change draws on merged
 * (those whose unit and month appear in a changed unit_reports record, so a lead may merge some of
 * the month's reports and leave the others for later), then the added decisions applied in order
 * by the same functions the writing commands use.
 */
export function expectedLedger(
  base: Ledger,
  reports: readonly ReportSource[],
  delta: LedgerDelta,
  decisions: readonly DecisionSource[],
): ExpectedLedger {
  const claimed = claimedReports(delta);
  const plan = planMerge(
    base,
    reports.filter((r) => claimed.has(`${reportUnit(base, r.data) ?? r.data.unit}\u0000${r.data.month}`)),
  );
  const applied = applyDecisions(
    withChanges(base, plan.files),
    decisions.map((d) => d.data),
  );
  return {
    measures: new Map(measureRefs(applied.ledger).map((ref) => [ref.measure.id, ref.measure])),
    problems: applied.problems,
  };
}

/** unit + month of every unit_reports record the change adds or alters. */
function claimedReports(delta: LedgerDelta): Set<string> {
  const out = new Set<string>();
  for (const { base, head } of delta.changed) {
    const before = base.measure.unit_reports ?? {};
    for (const [unit, record] of Object.entries(head.measure.unit_reports ?? {})) {
      if (!sameValue(before[unit], record)) out.add(`${unit}\u0000${record.month}`);
    }
  }
  return out;
}

/** Progress fields changed in the ledger that differ from what merging the head's reports produces. */
export function unbackedProgress(delta: LedgerDelta, expected: ReadonlyMap<string, Measure>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { base, head, progress } of delta.changed) {
    const want = expected.get(head.measure.id) ?? base.measure;
    pushAll(out, unbackedDecisions(base.measure, head, want));
    for (const field of BACKED_FIELDS) {
      if (!progress.includes(field)) continue;
      const got = head.measure[field];
      if (sameValue(normal(field, got), normal(field, want[field]))) continue;
      const at = head.locate([...head.path, field], 'key');
      if (field === 'notices') {
        out.push(unbackedNotices(head, at));
        continue;
      }
      out.push(
        diagnosticAt(at, {
          code: 'check/unbacked-progress',
          message: `具体措施 ${head.measure.id} 的 ${fieldLabel(field)} ${describe(field, got, want[field], base.measure[field])}`,
          hint: '进展字段只能由 ledger merge 根据 reports/ 中的报送写入：撤销手工修改，把报送文件放进本次合并请求，再运行 ledger merge reports/YYYY-MM/',
        }),
      );
    }
  }
  return out;
}

function unbackedNotices(head: MeasureRef, at: SourcePosition): Diagnostic {
  return diagnosticAt(at, {
    code: 'check/unbacked-notice',
    message: `具体措施 ${head.measure.id} 的督办记录（notices）与决定文件不符：督办单只能由 ledger notice --issue 连同 ${DECISIONS_DIR}/ 中督办单位的决定文件一起记入，已记入的不能删除、降级、改日期或改对象`,
    hint: '撤销对 notices 的手工修改；发出督办单请由督办单位运行 ledger notice --issue 并提交它写出的决定文件',
  });
}

/** Decided extensions the base had pending: the decision must be the one a decision file makes. */
function unbackedDecisions(base: Measure, head: MeasureRef, want: Measure): Diagnostic[] {
  const out: Diagnostic[] = [];
  const before = base.extensions ?? [];
  (head.measure.extensions ?? []).forEach((extension, index) => {
    const was = before[index];
    if (!was || was.state !== '待审批' || extension.state === '待审批') return;
    if (sameValue(extension, want.extensions?.[index])) return;
    out.push(
      diagnosticAt(head.locate([...head.path, 'extensions', index, 'state']), {
        code: 'check/unbacked-decision',
        message: `具体措施 ${head.measure.id} 上 ${extension.requested_by} 的延期申请被记为“${extension.state}”，但本次合并请求中没有与之相符的审批决定文件（${DECISIONS_DIR}/审批单位/…）`,
        hint: `由审批单位运行 ledger extend ${head.measure.id} --approve（或 --reject）--unit ${extension.requested_by}，提交台账的修改和它写出的决定文件`,
      }),
    );
  });
  return out;
}

function normal(field: string, value: unknown): unknown {
  if (field === 'milestones_met') return value ?? 0;
  if (field === 'unit_reports') return value ?? {};
  if (field === 'notices') return value ?? [];
  return value;
}

function describe(field: string, got: unknown, want: unknown, was: unknown): string {
  if (field === 'unit_reports') {
    const g = (got ?? {}) as Record<string, unknown>;
    const w = (want ?? {}) as Record<string, unknown>;
    const units = [...new Set([...Object.keys(g), ...Object.keys(w)])].filter((u) => !sameValue(g[u], w[u]));
    return `中 ${units.join('、')} 的记录与报送文件不符（没有对应的报送，或内容不同）`;
  }
  const backed = sameValue(normal(field, want), normal(field, was))
    ? '没有报送支持这一修改'
    : `按报送合并应为“${short(want)}”`;
  return `从“${short(was)}”改成了“${short(got)}”，但${backed}`;
}

function short(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  const chars = [...text.replace(/\n/g, ' ')];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : text.replace(/\n/g, ' ');
}

/**
 * A measure added with progress already filled: progress should come from reports, so this is worth a
 * look; one born 已完成 is refused (a completion is only ever reported and merged).
 */
export function newMeasuresWithProgress(delta: LedgerDelta): Diagnostic[] {
  return delta.added
    .filter((ref) => hasProgress(ref.measure))
    .map((ref) =>
      ref.measure.status === '已完成'
        ? diagnosticAt(ref.locate([...ref.path, 'status'], 'key'), {
            code: 'check/new-measure-completed',
            message: `新增的具体措施 ${ref.measure.id} 一出现就是“已完成”；完成只能由责任单位报送、经 ledger merge 合并`,
            hint: '先以 status: 未启动 提交新措施（定义修改），完成情况在以后的报送中报',
          })
        : diagnosticAt(ref.locate([...ref.path, 'status'], 'key'), {
            severity: 'warning',
            code: 'check/new-measure-progress',
            message: `新增的具体措施 ${ref.measure.id} 已带有进展（状态 ${ref.measure.status}）；新措施通常从 未启动 开始，进展由报送合并写入`,
            hint: '如确属从其他台账迁入的已有进展，可忽略此警告；否则把 status 改为 未启动，并清空 progress',
          }),
    );
}

/** Completion dates the pull request changes (with the report's reason): flagged for the reviewer. */
export function redatedCompletions(delta: LedgerDelta): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { base, head } of delta.changed) {
    for (const [unit, record] of Object.entries(head.measure.unit_reports ?? {})) {
      const before = base.measure.unit_reports?.[unit]?.completed_on;
      if (!before || !record.completed_on || before === record.completed_on) continue;
      out.push(
        diagnosticAt(head.locate([...head.path, 'unit_reports', unit, 'completed_on']), {
          severity: 'warning',
          code: 'check/completion-redated',
          message: `${unit} 在具体措施 ${head.measure.id} 上的完成日期由 ${before} 改为 ${record.completed_on}（理由：${record.completed_on_reason ?? '未写明'}）`,
          hint: '核对报送中的更正理由 completed_on_reason 是否成立；合并后 ledger history 中可查',
        }),
      );
    }
  }
  return out;
}
