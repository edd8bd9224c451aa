import { sameValue } from '../model/same-value.js';
import { isRecord } from '../model/is-record.js';

/** One field that differs between two versions of a measure; `path` reaches into nested records. */
export interface FieldChange {
  path: (string | number)[];
  /** undefined when the field was absent. */
  before: unknown;
  after: unknown;
}

/**
 * Field-level differences between two versions of a measure, in the order the
 * fields appear. Records are compared key by key (unit_reports.市公安局.status),
 * a record that appears or disappears as if it were empty on the other side;
 * lists of records of equal length item by item (extensions[0].state); other
 * values as a whole.
 */
export function diffMeasure(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  return diffValue(before, after, []);
}

function diffValue(before: unknown, after: unknown, path: (string | number)[]): FieldChange[] {
  if (sameValue(before, after)) return [];
  if (before === undefined && isRecord(after)) return diffValue({}, after, path);
  if (isRecord(before) && after === undefined) return diffValue(before, {}, path);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffValue(before[key], after[key], [...path, key]));
  }
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    before.length === after.length &&
    before.every(isRecord) &&
    after.every(isRecord)
  ) {
    return before.flatMap((item, i) => diffValue(item, after[i], [...path, i]));
  }
  return [{ path, before, after }];
}
