import { isRecord } from '../model/is-record.js';

/** One measure as it stood in one version of one area file. */
export interface MeasureVersion {
  id: string;
  file: string;
  area?: number;
  /** The measure as written, with the schema's defaults filled in. */
  measure: Record<string, unknown>;
}

/** A commit as the audit commands show it. */
export interface CommitRef {
  hash: string;
  author: string;
  email: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  subject: string;
}

/** A commit that changed a measure: its versions before and after (undefined: absent). */
export interface MeasureEvent {
  commit: CommitRef;
  id: string;
  before?: MeasureVersion;
  after?: MeasureVersion;
}

/**
 * The measures of an area file's parsed YAML, by id. Tolerant: a version that
 * fails the schema still yields whatever measures carry an id, so history can
 * walk through commits that were invalid at the time.
 */
export function measuresOfArea(value: unknown, file: string): Map<string, MeasureVersion> {
  const out = new Map<string, MeasureVersion>();
  if (!isRecord(value) || !Array.isArray(value.tasks)) return out;
  const area = typeof value.area === 'number' ? value.area : undefined;
  for (const task of value.tasks) {
    if (!isRecord(task) || !Array.isArray(task.measures)) continue;
    for (const raw of task.measures) {
      if (!isRecord(raw) || (typeof raw.id !== 'string' && typeof raw.id !== 'number')) continue;
      const id = String(raw.id);
      if (!out.has(id)) out.set(id, { id, file, area, measure: normaliseMeasure(raw) });
    }
  }
  return out;
}

/** MeasureSchema's defaults; applied here without zod so that history never loads it. */
const MEASURE_DEFAULTS: Readonly<Record<string, unknown>> = { status: '未启动', progress: '', remark: '' };

/** The measure as written, with the schema's defaults filled in, so that writing a default out is no change. */
export function normaliseMeasure(raw: Record<string, unknown>): Record<string, unknown> {
  const out = { ...raw };
  for (const [key, value] of Object.entries(MEASURE_DEFAULTS))
    if (out[key] === undefined || out[key] === null) out[key] = value;
  return out;
}

/** A cheap test that a file's text may hold measure `id`, to skip parsing files that cannot. */
export function mayContainMeasure(text: string, id: string): boolean {
  const escaped = id.replace(/\./g, '\\.');
  return new RegExp(`(^|[^\\d.])${escaped}($|[^\\d.])`).test(text);
}
