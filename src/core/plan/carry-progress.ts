import { hasProgress, progressOf } from '../model/progress-fields.js';
import type { Area, Measure } from '../model/schema.js';

export interface CarryResult {
  areas: Area[];
  /** Measures with progress in the old ledger that the new import no longer has. */
  orphaned: Measure[];
  /** How many measures kept their progress. */
  kept: number;
}

/** Keeps the progress recorded in `previous` on the freshly imported `imported` areas, matching measures by id. */
export function carryProgress(imported: readonly Area[], previous: readonly Area[]): CarryResult {
  const old = new Map<string, Measure>();
  for (const area of previous) for (const task of area.tasks) for (const m of task.measures) old.set(m.id, m);
  const seen = new Set<string>();
  let kept = 0;
  const areas = imported.map((area) => ({
    ...area,
    tasks: area.tasks.map((task) => ({
      ...task,
      measures: task.measures.map((measure) => {
        seen.add(measure.id);
        const before = old.get(measure.id);
        if (!before || !hasProgress(before)) return measure;
        kept++;
        return { ...measure, ...progressOf(before) };
      }),
    })),
  }));
  const orphaned = [...old.values()].filter((m) => !seen.has(m.id) && hasProgress(m));
  return { areas, orphaned, kept };
}
