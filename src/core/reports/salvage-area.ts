import type { TaskOrigin } from '../model/ledger.js';
import { AreaSchema, MeasureSchema, TaskSchema, type Area, type Measure, type Task } from '../model/schema.js';

const AreaHeadSchema = AreaSchema.omit({ tasks: true });
const TaskHeadSchema = TaskSchema.omit({ measures: true });

/**
 * What can still be used of an area file that failed the schema: its valid
 * tasks with their valid measures, and where each kept one sits in the file
 * (so a dropped measure never shifts the positions of the ones after it). One mistyped status then hides one measure
 * from `status` and the checks, not the whole area. Undefined when even the
 * area's own fields are unusable. The schema's diagnostics are reported
 * separately; this only decides what the rest of the run may rely on.
 */
export function salvageArea(value: unknown): { data: Area; origin: TaskOrigin[] } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { tasks, ...head } = value as Record<string, unknown>;
  const area = AreaHeadSchema.safeParse(head);
  if (!area.success) return undefined;
  const kept: Task[] = [];
  const origin: TaskOrigin[] = [];
  (Array.isArray(tasks) ? tasks : []).forEach((item: unknown, index) => {
    const task = salvageTask(item);
    if (!task) return;
    kept.push(task.data);
    origin.push({ index, measures: task.measures });
  });
  return { data: { ...area.data, tasks: kept }, origin };
}

/** A task's own fields and its valid measures, with each measure's index in the file. */
function salvageTask(value: unknown): { data: Task; measures: number[] } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { measures, ...head } = value as Record<string, unknown>;
  const task = TaskHeadSchema.safeParse(head);
  if (!task.success) return undefined;
  const kept: Measure[] = [];
  const indices: number[] = [];
  (Array.isArray(measures) ? measures : []).forEach((item: unknown, index) => {
    const measure = MeasureSchema.safeParse(item);
    if (!measure.success) return;
    kept.push(measure.data);
    indices.push(index);
  });
  return { data: { ...task.data, measures: kept }, measures: indices };
}
