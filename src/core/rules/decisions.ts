/**
 * What a decision does to the ledger and who may make it. Pure. The writing commands and
 * `ledger check` use these same functions, so what a command writes is exactly what check
 * recomputes from the decision file.
 *
 * Who decides (docs/audit.md):
 * - 核验/退回: the measure's leads or the supervisors, never the unit whose part it is
 *   (a lead's own part: a supervisor).
 * - 批准延期/驳回延期: extensionDeciders (the leads; the supervisors when a lead asked).
 * - 督办: the notice issuer (config notice_issuer) or a supervisor, never the unit noticed.
 * - 收件: a lead of a task the unit answers for, or a supervisor, never the unit itself.
 */
import type { Decision, ExtensionDecision, NoticeDecision } from '../model/decision.js';
import { decidedAbout } from '../model/decision-path.js';
import { findMeasure, measureRefs, type Ledger, type MeasureRef } from '../model/ledger.js';
import type { Extension, Notice, Verification } from '../model/schema.js';
import type { FieldChange, FileChanges } from '../reports/merge-plan.js';
import { extensionDeciders } from './extension-rules.js';
import { isResponsible } from '../model/units.js';
import { combineChanges, withChanges } from '../model/apply-changes.js';
import { shiftMonth } from '../model/calendar.js';
import { verifiedReport, verifiers } from './verification.js';

export type DecisionEffect = { changes: FileChanges[] } | { problem: string };

/** The units that may make `decision` (empty when its measure is not in the ledger). */
export function decisionDeciders(ledger: Ledger, decision: Decision): string[] {
  const supervisors = ledger.config.supervisors;
  const about = decidedAbout(decision);
  switch (decision.decision) {
    case '核验':
    case '退回': {
      const ref = findMeasure(ledger, decision.measure);
      return ref ? verifiers(decision.unit, ref.leads, supervisors) : [];
    }
    case '批准延期':
    case '驳回延期': {
      const ref = findMeasure(ledger, decision.measure);
      return ref ? extensionDeciders(decision.unit, ref.leads, supervisors) : [];
    }
    case '督办':
      return unique([ledger.config.notice_issuer, ...supervisors]).filter((unit) => unit !== about);
    case '收件': {
      const leads = measureRefs(ledger)
        .filter((ref) => isResponsible(ledger.units, ref.measure.units, about))
        .flatMap((ref) => ref.leads);
      return unique([...leads, ...supervisors]).filter((unit) => unit !== about);
    }
  }
}

export interface AppliedDecisions<D extends Decision> {
  /** The ledger after every decision that applied. */
  ledger: Ledger;
  /** Their edits, one per file and path. */
  changes: FileChanges[];
  /** Decisions that could not be applied, with why. */
  problems: { decision: D; problem: string }[];
}

/** Applies decisions in order, each to the ledger the ones before it left. */
export function applyDecisions<D extends Decision>(ledger: Ledger, decisions: readonly D[]): AppliedDecisions<D> {
  const lists: FileChanges[][] = [];
  const problems: AppliedDecisions<D>['problems'] = [];
  let current = ledger;
  for (const decision of decisions) {
    const effect = decisionEffect(current, decision);
    if ('problem' in effect) {
      problems.push({ decision, problem: effect.problem });
      continue;
    }
    lists.push(effect.changes);
    current = withChanges(current, effect.changes);
  }
  return { ledger: current, changes: combineChanges(lists), problems };
}

/** The ledger edits `decision` makes, or why it cannot be applied to this ledger. */
export function decisionEffect(ledger: Ledger, decision: Decision): DecisionEffect {
  switch (decision.decision) {
    case '核验':
    case '退回':
      return verificationEffect(ledger, decision);
    case '批准延期':
    case '驳回延期':
      return extensionEffect(ledger, decision);
    case '督办':
      return noticeEffect(ledger, decision);
    case '收件':
      return { changes: [] };
  }
}

function verificationEffect(
  ledger: Ledger,
  decision: Extract<Decision, { decision: '核验' | '退回' }>,
): DecisionEffect {
  const ref = findMeasure(ledger, decision.measure);
  if (!ref) return { problem: `台账中没有具体措施 ${decision.measure}` };
  const report = ref.measure.unit_reports?.[decision.unit];
  if (report?.status !== '已完成')
    return { problem: `${decision.unit} 在 ${decision.measure} 上没有已合并的“已完成”报送，无可${decision.decision}` };
  const verification: Verification =
    decision.decision === '核验'
      ? { state: '已核验', by: decision.by, on: decision.on }
      : { state: '已退回', by: decision.by, on: decision.on, reason: decision.reason };
  const changes: FieldChange[] = [
    { path: [...ref.path, 'unit_reports', decision.unit], before: report, after: verifiedReport(report, verification) },
  ];
  if (decision.decision === '退回' && ref.measure.status === '已完成')
    changes.push({ path: [...ref.path, 'status'], before: '已完成', after: '推进中' });
  return { changes: [{ file: ref.file, changes }] };
}

function extensionEffect(ledger: Ledger, decision: ExtensionDecision): DecisionEffect {
  const ref = findMeasure(ledger, decision.measure);
  if (!ref) return { problem: `台账中没有具体措施 ${decision.measure}` };
  const extensions = ref.measure.extensions ?? [];
  const index = extensions.findIndex(
    (e) => e.requested_by === decision.unit && e.requested_in === decision.requested_in && e.state === '待审批',
  );
  if (index < 0)
    return {
      problem: `${decision.measure} 上没有 ${decision.unit} 在 ${decision.requested_in} 报送中提出、待审批的延期申请`,
    };
  const before = extensions[index]!;
  const after: Extension = {
    requested_by: before.requested_by,
    requested_in: before.requested_in,
    until: before.until,
    reason: before.reason,
    state: decision.decision === '批准延期' ? '已批准' : '已驳回',
    decided_on: decision.on,
    decided_by: decision.by,
  };
  if (decision.reason) after.decision_reason = decision.reason;
  return { changes: [{ file: ref.file, changes: [{ path: [...ref.path, 'extensions', index], before, after }] }] };
}

function noticeEffect(ledger: Ledger, decision: NoticeDecision): DecisionEffect {
  const byFile = new Map<string, FileChanges>();
  for (const id of decision.measures) {
    const ref = findMeasure(ledger, id);
    if (!ref) return { problem: `台账中没有具体措施 ${id}` };
    if (!isResponsible(ledger.units, ref.measure.units, decision.unit))
      return { problem: `${decision.unit} 不是 ${id} 的责任单位` };
    const before = ref.measure.notices;
    const notice: Notice = {
      unit: decision.unit,
      level: decision.level,
      issued_on: decision.on,
      issued_by: decision.by,
      number: decision.number,
    };
    fileOf(byFile, ref).changes.push({ path: [...ref.path, 'notices'], before, after: [...(before ?? []), notice] });
  }
  if (numberTaken(ledger, decision)) return { problem: `编号 ${decision.number} 已在台账中用过` };
  return { changes: [...byFile.values()] };
}

function numberTaken(ledger: Ledger, decision: NoticeDecision): boolean {
  return measureRefs(ledger).some((ref) => (ref.measure.notices ?? []).some((n) => n.number === decision.number));
}

function fileOf(byFile: Map<string, FileChanges>, ref: MeasureRef): FileChanges {
  return byFile.get(ref.file) ?? byFile.set(ref.file, { file: ref.file, changes: [] }).get(ref.file)!;
}

const unique = (list: readonly string[]) => [...new Set(list)];

/** A mailed form of month M is received from the first of M to the end of the month after it. */
export function receiptDateProblem(report: string, on: string): string | undefined {
  const month = report.split('/')[1] ?? '';
  const last = shiftMonth(month, 1);
  if (on.slice(0, 7) >= month && on.slice(0, 7) <= last) return undefined;
  return `${report} 是 ${month} 的报送，收件日期 ${on} 不在 ${month}-01 至 ${last} 月底之间`;
}
