import { FIELD_LABELS } from '../core/field-labels.js';
import type { FieldChange } from '../core/measure-diff.js';

/** 各单位报送情况 › 市公安局 › 状态 */
export function changeLabel(path: readonly (string | number)[]): string {
  if (path.length === 0) return '整条措施';
  return path.map((step) => (typeof step === 'number' ? `第 ${step + 1} 项` : (FIELD_LABELS[step] ?? step))).join(' › ');
}

/** A value as a person reads it: lists joined with 、, records as compact JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '（无）';
  if (value === '') return '（空）';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.length ? value.map(String).join('、') : '（空）';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const INLINE_LIMIT = 40;

/** One change as lines: short values inline (a → b), long ones as 前/后 blocks. */
export function changeLines(change: FieldChange, indent = '  '): string[] {
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
