/**
 * What a commit did to a measure, by kind, read from its field changes (history): 报送 merged
 * (合并), 核验销号, 退回, 督办, 延期审批, or 修改 of anything else; with the unit that acted and
 * the units it was about. Pure.
 */
import type { FieldChange } from './measure-diff.js';
import { isRecord } from '../model/is-record.js';

export type CommitActionKind = '合并' | '核验销号' | '退回' | '督办' | '延期审批' | '修改';

export interface CommitAction {
  kind: CommitActionKind;
  /** The unit on whose behalf: the verifier, the issuer, the decider; absent for 合并 and 修改. */
  by?: string;
  /** The units it was about: the reporting units of a 合并, the unit verified, noticed or decided. */
  units: string[];
}

export function commitActions(changes: readonly FieldChange[]): CommitAction[] {
  const out: CommitAction[] = [];
  const decided = new Set<string>();
  for (const { unit, state, by } of verifications(changes)) {
    decided.add(unit);
    add(out, state === '已退回' ? '退回' : '核验销号', by, unit);
  }
  for (const notice of addedNotices(changes)) add(out, '督办', notice.by, notice.unit);
  for (const decision of extensionDecisions(changes)) add(out, '延期审批', decision.by, decision.unit);
  const reported = [
    ...new Set(
      changes
        .filter((c) => c.path[0] === 'unit_reports' && !decided.has(String(c.path[1])))
        .map((c) => String(c.path[1])),
    ),
  ];
  if (reported.length > 0) out.push({ kind: '合并', units: reported });
  const other = changes.some(
    (c) => !['unit_reports', 'notices', 'extensions', 'status', 'progress'].includes(String(c.path[0])),
  );
  if (other || out.length === 0) out.push({ kind: '修改', units: [] });
  return out;
}

function add(out: CommitAction[], kind: CommitActionKind, by: string, unit: string): void {
  const same = out.find((a) => a.kind === kind && a.by === by);
  const units = unit ? [unit] : [];
  if (!same) out.push({ kind, by, units });
  else if (unit && !same.units.includes(unit)) same.units.push(unit);
}

function verifications(changes: readonly FieldChange[]): { unit: string; state: string; by: string }[] {
  return changes
    .filter((c) => c.path[0] === 'unit_reports' && c.path[2] === 'verification' && c.path[3] === 'state')
    .map((c) => {
      const unit = String(c.path[1]);
      const by = changes.find(
        (d) => d.path[0] === 'unit_reports' && d.path[1] === unit && d.path[2] === 'verification' && d.path[3] === 'by',
      )?.after;
      return { unit, state: String(c.after), by: typeof by === 'string' ? by : '' };
    })
    .filter((v) => v.state === '已核验' || v.state === '已退回');
}

function addedNotices(changes: readonly FieldChange[]): { unit: string; by: string }[] {
  const out: { unit: string; by: string }[] = [];
  for (const change of changes.filter((c) => c.path[0] === 'notices')) {
    const before = Array.isArray(change.before) ? change.before.length : 0;
    const after = Array.isArray(change.after) ? change.after : [change.after];
    for (const notice of after.slice(change.path.length > 1 ? 0 : before))
      if (isRecord(notice)) out.push({ unit: String(notice.unit), by: String(notice.issued_by) });
  }
  return out;
}

function extensionDecisions(changes: readonly FieldChange[]): { unit: string; by: string }[] {
  return changes
    .filter((c) => c.path[0] === 'extensions' && c.path[2] === 'state' && c.before === '待审批')
    .map((c) => {
      const field = (name: string) =>
        changes.find((d) => d.path[0] === 'extensions' && d.path[1] === c.path[1] && d.path[2] === name)?.after;
      return { unit: String(field('requested_by') ?? ''), by: String(field('decided_by') ?? '') };
    });
}
