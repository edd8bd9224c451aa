import { FIELD_LABELS } from '../core/model/field-labels.js';
import type { FieldChange } from '../core/review/measure-diff.js';
import { sameValue } from '../core/model/same-value.js';
import { isRecord } from '../core/model/is-record.js';

/** 各单位报送情况 › 市公安局 › 状态 */
export function changeLabel(path: readonly (string | number)[]): string {
  if (path.length === 0) return '整条措施';
  return path
    .map((step) => (typeof step === 'number' ? `第 ${step + 1} 项` : (FIELD_LABELS[step] ?? step)))
    .join(' › ');
}

/** A value as a person reads it: lists joined with 、, records as compact JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '（无）';
  if (value === '') return '（空）';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object'))
    return value.length ? value.map(String).join('、') : '（空）';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const INLINE_LIMIT = 40;

const isAbsent = (value: unknown) => value === undefined || value === null;
const isRecordList = (value: unknown): value is unknown[] =>
  Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null);

/**
 * A change of a record or a list of records split into one change per field
 * (延期申请 › 第 1 项 › 延期至), so that nobody reads JSON; unchanged fields are left out.
 * Lists of plain values stay whole (责任部门：甲、乙 → 甲、乙、丙).
 */
export function leafChanges(change: FieldChange): FieldChange[] {
  const { before, after, path } = change;
  if (sameValue(before, after)) return [];
  if (
    (isRecord(before) || isAbsent(before)) &&
    (isRecord(after) || isAbsent(after)) &&
    (isRecord(before) || isRecord(after))
  ) {
    const left = isRecord(before) ? before : {};
    const right = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    return keys.flatMap((key) => leafChanges({ path: [...path, key], before: left[key], after: right[key] }));
  }
  if (
    (isRecordList(before) || isAbsent(before) || isEmptyList(before)) &&
    (isRecordList(after) || isAbsent(after) || isEmptyList(after)) &&
    (isRecordList(before) || isRecordList(after))
  ) {
    const left = Array.isArray(before) ? before : [];
    const right = Array.isArray(after) ? after : [];
    return Array.from({ length: Math.max(left.length, right.length) }, (_, i) =>
      leafChanges({ path: [...path, i], before: left[i], after: right[i] }),
    ).flat();
  }
  return [change];
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/** One change as lines, structured values field by field: short values inline (a → b), long ones as 前/后 blocks. */
export function changeLines(change: FieldChange, indent = '  '): string[] {
  return leafChanges(change).flatMap((leaf) => leafLines(leaf, indent));
}

function leafLines(change: FieldChange, indent: string): string[] {
  const before = formatValue(change.before);
  const after = formatValue(change.after);
  const label = changeLabel(change.path);
  const short = before.length + after.length <= INLINE_LIMIT && !`${before}${after}`.includes('\n');
  if (short) return [`${indent}${label}：${before} → ${after}`];
  return [`${indent}${label}：`, ...block(`${indent}  前：`, before), ...block(`${indent}  后：`, after)];
}

function block(head: string, text: string): string[] {
  const pad = ' '.repeat([...head].length + 2);
  return text.split('\n').map((line, i) => (i === 0 ? `${head}${line}` : `${pad}${line}`));
}
