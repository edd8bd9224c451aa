import { measureRefs, type Ledger, type MeasureRef } from '../model/ledger.js';
import { sameValue } from '../model/same-value.js';
import { PROGRESS_FIELDS } from '../model/progress-fields.js';
import type { Area, Measure } from '../model/schema.js';
import { findRenumberings, type Renumbering } from './renumbering.js';

/** A measure present at both revisions whose fields differ. */
export interface ChangedMeasure {
  base: MeasureRef;
  head: MeasureRef;
  /** Progress fields (status, progress, remark, milestones_met, unit_reports, extensions) that differ. */
  progress: string[];
  /** Every other field that differs, and `task` when it moved to another task. */
  definition: string[];
}

/** What differs between the ledger at the base revision and at the head. */
export interface LedgerDelta {
  /** Measures whose definition now sits under another id (matched by content, see findRenumberings). */
  renumbered: Renumbering[];
  removed: MeasureRef[];
  added: MeasureRef[];
  changed: ChangedMeasure[];
  /** Definition changes above the measures: area and task titles, texts, leads; units.yaml; config.yaml. */
  frame: { file: string; what: string }[];
}

export function compareLedgers(base: Ledger, head: Ledger): LedgerDelta {
  const baseRefs = new Map(measureRefs(base).map((ref) => [ref.measure.id, ref]));
  const headRefs = new Map(measureRefs(head).map((ref) => [ref.measure.id, ref]));
  const renumbered = findRenumberings(baseRefs, headRefs);
  const movedFrom = new Set(renumbered.map((r) => r.from.measure.id));
  const movedTo = new Set(renumbered.map((r) => r.to.measure.id));
  const removed = [...baseRefs.values()].filter(
    (ref) => !headRefs.has(ref.measure.id) && !movedFrom.has(ref.measure.id),
  );
  const added = [...headRefs.values()].filter((ref) => !baseRefs.has(ref.measure.id) && !movedTo.has(ref.measure.id));
  const changed: ChangedMeasure[] = [];
  for (const [id, headRef] of headRefs) {
    const baseRef = baseRefs.get(id);
    // Under a renumbered id sits another measure: its fields cannot be judged until the numbering is restored.
    if (!baseRef || movedTo.has(id)) continue;
    const fields = differingFields(baseRef.measure, headRef.measure);
    const progress = fields.filter((f) => (PROGRESS_FIELDS as readonly string[]).includes(f));
    const definition = fields.filter((f) => !progress.includes(f));
    if (baseRef.task.id !== headRef.task.id) definition.push('task');
    if (progress.length + definition.length > 0) changed.push({ base: baseRef, head: headRef, progress, definition });
  }
  return { renumbered, removed, added, changed, frame: frameChanges(base, head) };
}

function differingFields(a: Measure, b: Measure): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((key) => !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Areas and tasks without their measures, keyed by area number. */
function frames(ledger: Ledger): Map<number, { file: string; frame: unknown }> {
  const out = new Map<number, { file: string; frame: unknown }>();
  for (const source of ledger.areas) out.set(source.data.area, { file: source.file, frame: frameOf(source.data) });
  return out;
}

function frameOf(area: Area): unknown {
  const { tasks, ...rest } = area;
  return { ...rest, tasks: tasks.map(({ measures: _measures, ...task }) => task) };
}

function frameChanges(base: Ledger, head: Ledger): LedgerDelta['frame'] {
  const out: LedgerDelta['frame'] = [];
  const before = frames(base);
  const after = frames(head);
  for (const [area, { file, frame }] of after) {
    const old = before.get(area);
    if (!old) out.push({ file, what: `新增主要指标 ${area}` });
    else if (!sameValue(old.frame, frame))
      out.push({ file, what: `主要指标 ${area} 或其目标任务的标题、全文或牵头单位` });
    else if (old.file !== file) out.push({ file, what: `主要指标 ${area} 的文件名（原为 ${old.file}）` });
  }
  for (const [area, { file }] of before) if (!after.has(area)) out.push({ file, what: `删除主要指标 ${area}` });
  if (!sameValue(base.unitsFile?.data, head.unitsFile?.data)) out.push({ file: 'ledger/units.yaml', what: '单位名录' });
  if (!sameValue(base.config, head.config)) out.push({ file: 'ledger/config.yaml', what: '台账设置' });
  return out;
}
