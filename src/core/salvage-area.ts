import { AreaSchema, MeasureSchema, TaskSchema, type Area, type Measure, type Task } from './schema.js';

const AreaHeadSchema = AreaSchema.omit({ tasks: true });
const TaskHeadSchema = TaskSchema.omit({ measures: true });

/**
 * What can still be used of an area file that failed the schema: its valid
 * tasks with their valid measures. One mistyped status then hides one measure
 * from `status` and the checks, not the whole area. Undefined when even the
 * area's own fields are unusable. The schema's diagnostics are reported
 * separately; this only decides what the rest of the run may rely on.
 */
export function salvageArea(value: unknown): Area | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { tasks, ...head } = value as Record<string, unknown>;
  const area = AreaHeadSchema.safeParse(head);
  if (!area.success) return undefined;
  return { ...area.data, tasks: Array.isArray(tasks) ? tasks.flatMap(salvageTask) : [] };
}

function salvageTask(value: unknown): Task[] {
  if (value === null || typeof value !== 'object') return [];
  const { measures, ...head } = value as Record<string, unknown>;
  const task = TaskHeadSchema.safeParse(head);
  if (!task.success) return [];
  const kept = Array.isArray(measures) ? measures.flatMap(salvageMeasure) : [];
  return [{ ...task.data, measures: kept }];
}

function salvageMeasure(value: unknown): Measure[] {
  const measure = MeasureSchema.safeParse(value);
  return measure.success ? [measure.data] : [];
}
