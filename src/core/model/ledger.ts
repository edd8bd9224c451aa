import type { SourcePosition } from './diagnostic.js';
import type { Area, Config, Measure, Task, UnitsFile } from './schema.js';
import type { UnitRegistry } from './units.js';

export type YamlPath = readonly (string | number)[];

/** Maps a path inside a parsed file back to its place in the source text. */
export type Locator = (path: YamlPath, target?: 'key' | 'value') => SourcePosition;

/** Where a kept task and each of its kept measures sit in the file's own lists. */
export interface TaskOrigin {
  index: number;
  measures: readonly number[];
}

export interface SourceFile<T> {
  /** Path relative to the ledger root, forward slashes. */
  file: string;
  data: T;
  locate: Locator;
  /**
   * Of an area file that failed the schema and was salvaged (some tasks or
   * measures dropped): the file's own index of each kept task and measure,
   * recorded when the file was parsed. Absent when nothing was dropped.
   */
  origin?: readonly TaskOrigin[];
}

export interface Ledger {
  config: Config;
  units: UnitRegistry;
  unitsFile?: SourceFile<UnitsFile>;
  /** Area files in file-name order; of a file that failed the schema, its valid tasks and measures. */
  areas: SourceFile<Area>[];
}

/** A measure together with where it sits: its area, its task and its lead units. */
export interface MeasureRef {
  area: Area;
  task: Task;
  measure: Measure;
  /** 牵头单位 for this measure: the task's own lead, else the area's leads. */
  leads: readonly string[];
  file: string;
  /** Path of the measure inside its file. */
  path: YamlPath;
  locate: Locator;
}

export function taskLeads(area: Area, task: Task): readonly string[] {
  return task.lead ? [task.lead] : area.lead;
}

/** Path of the `t`-th kept task of an area file in the file itself. */
export function taskPath(source: Pick<SourceFile<Area>, 'origin'>, t: number): YamlPath {
  return ['tasks', source.origin?.[t]?.index ?? t];
}

/** Path of the `m`-th kept measure of the `t`-th kept task in the file itself (salvage may have dropped some). */
export function measurePath(source: Pick<SourceFile<Area>, 'origin'>, t: number, m: number): YamlPath {
  const task = source.origin?.[t];
  return ['tasks', task?.index ?? t, 'measures', task?.measures[m] ?? m];
}

export function measureRefs(ledger: Pick<Ledger, 'areas'>): MeasureRef[] {
  const refs: MeasureRef[] = [];
  for (const source of ledger.areas) {
    const area = source.data;
    area.tasks.forEach((task, t) => {
      const leads = taskLeads(area, task);
      task.measures.forEach((measure, m) => {
        const path = measurePath(source, t, m);
        refs.push({ area, task, measure, leads, file: source.file, path, locate: source.locate });
      });
    });
  }
  return refs;
}

export function findMeasure(ledger: Pick<Ledger, 'areas'>, id: string): MeasureRef | undefined {
  return measureRefs(ledger).find((ref) => ref.measure.id === id);
}
