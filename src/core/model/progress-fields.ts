import type { Area, Measure } from './schema.js';

/**
 * Fields of a measure that record progress (filled by reports and merges);
 * every other field is part of the definition that comes from the document.
 */
export const PROGRESS_FIELDS = [
  'status',
  'progress',
  'remark',
  'milestones_met',
  'unit_reports',
  'extensions',
  'notices',
] as const;
export type ProgressField = (typeof PROGRESS_FIELDS)[number];

export type MeasureProgress = Pick<Measure, ProgressField>;

export function progressOf(measure: Measure): MeasureProgress {
  const out: Partial<Record<ProgressField, unknown>> = {};
  for (const field of PROGRESS_FIELDS) if (measure[field] !== undefined) out[field] = measure[field];
  return out as MeasureProgress;
}

export function hasProgress(measure: Measure): boolean {
  return (
    measure.status !== '未启动' ||
    measure.progress.trim() !== '' ||
    measure.remark.trim() !== '' ||
    (measure.milestones_met ?? 0) > 0 ||
    Object.keys(measure.unit_reports ?? {}).length > 0 ||
    (measure.extensions ?? []).length > 0 ||
    (measure.notices ?? []).length > 0
  );
}

/** The area without any progress field: what the document defines. */
export function definitionOf(area: Area): unknown {
  return {
    ...area,
    tasks: area.tasks.map((task) => ({
      ...task,
      measures: task.measures.map((measure) => {
        const copy: Record<string, unknown> = { ...measure };
        for (const field of PROGRESS_FIELDS) delete copy[field];
        return copy;
      }),
    })),
  };
}
