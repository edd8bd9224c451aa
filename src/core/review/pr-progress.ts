import { diagnosticAt, type Diagnostic } from '../model/diagnostic.js';
import { measureRefs, type Ledger } from '../model/ledger.js';
import type { LedgerDelta } from './ledger-delta.js';
import { sameValue } from '../model/same-value.js';
import { planMerge } from '../reports/merge-plan.js';
import { reportUnit, type ReportSource } from '../reports/report-checks.js';
import type { Measure } from '../model/schema.js';
import { fieldLabel } from '../model/field-labels.js';
import { hasProgress } from '../model/progress-fields.js';

/** Progress fields that only `ledger merge` may write: each must follow from the reports. */
export const BACKED_FIELDS = ['status', 'progress', 'milestones_met', 'unit_reports'] as const;

/**
 * Each measure as merging the reports the change draws on into the base
 * ledger would leave it (only measures the merge changes are in the map).
 * The reports drawn on are those whose unit and month appear in a changed
 * unit_reports record, so a lead may merge some of the month's reports and
 * leave the others for later.
 */
export function expectedAfterMerge(
  base: Ledger,
  reports: readonly ReportSource[],
  delta: LedgerDelta,
): Map<string, Measure> {
  const claimed = claimedReports(delta);
  const plan = planMerge(
    base,
    reports.filter((r) => claimed.has(`${reportUnit(base, r.data) ?? r.data.unit}\u0000${r.data.month}`)),
  );
  const byPath = new Map(measureRefs(base).map((ref) => [`${ref.file}\u0000${ref.path.join('/')}`, ref]));
  const out = new Map<string, Measure>();
  for (const { file, changes } of plan.files) {
    for (const change of changes) {
      const ref = byPath.get(`${file}\u0000${change.path.slice(0, 4).join('/')}`);
      if (!ref) continue;
      const measure: Measure = out.get(ref.measure.id) ?? {
        ...ref.measure,
        unit_reports: { ...(ref.measure.unit_reports ?? {}) },
      };
      const [field, unit] = change.path.slice(4) as [keyof Measure, string | undefined];
      if (field === 'unit_reports' && unit !== undefined)
        measure.unit_reports![unit] = change.after as NonNullable<Measure['unit_reports']>[string];
      else (measure as Record<string, unknown>)[field] = change.after;
      out.set(ref.measure.id, measure);
    }
  }
  return out;
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
    for (const field of BACKED_FIELDS) {
      if (!progress.includes(field)) continue;
      const got = head.measure[field];
      if (sameValue(normal(field, got), normal(field, want[field]))) continue;
      const at = head.locate([...head.path, field], 'key');
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

function normal(field: string, value: unknown): unknown {
  if (field === 'milestones_met') return value ?? 0;
  if (field === 'unit_reports') return value ?? {};
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

/** A measure added with progress already filled: progress should come from reports, so this is worth a look. */
export function newMeasuresWithProgress(delta: LedgerDelta): Diagnostic[] {
  return delta.added
    .filter((ref) => hasProgress(ref.measure))
    .map((ref) =>
      diagnosticAt(ref.locate([...ref.path, 'status'], 'key'), {
        severity: 'warning',
        code: 'check/new-measure-progress',
        message: `新增的具体措施 ${ref.measure.id} 已带有进展（状态 ${ref.measure.status}）；新措施通常从 未启动 开始，进展由报送合并写入`,
        hint: '如确属从其他台账迁入的已有进展，可忽略此警告；否则把 status 改为 未启动，并清空 progress',
      }),
    );
}
