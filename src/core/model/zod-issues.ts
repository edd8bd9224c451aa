import { isRealDate, normaliseDateInput } from './date-input.js';
import { STATUSES, STATUS_SYNONYMS } from '../rules/status.js';
import type { z } from 'zod';
import { diagnosticAt, type Diagnostic } from './diagnostic.js';
import { FIELD_LABELS, fieldLabel, formatPath } from './field-labels.js';
import type { Locator, YamlPath } from './ledger.js';
import { editDistance } from './units.js';

type Issue = z.core.$ZodIssue;

const FORMAT_HINTS: Record<string, string> = {
  id: '具体措施编号形如 1.1.1（指标.任务.措施），目标任务编号形如 1.1',
  month: '月份写作 YYYY-MM，例如 2020-07',
  requested_in: '月份写作 YYYY-MM，例如 2020-07',
  completed_on: '日期写作 YYYY-MM-DD，例如 2020-07-15',
  until: '日期写作 YYYY-MM-DD，例如 2020-12-31',
  decided_on: '日期写作 YYYY-MM-DD，例如 2020-07-15',
};

const FORMAT_HINT = '查看 README 中的文件格式说明';

/** Turns zod issues into diagnostics that point at the YAML source. */
export function zodIssuesToDiagnostics(issues: readonly Issue[], locate: Locator, data: unknown): Diagnostic[] {
  return issues.flatMap((issue) => issueDiagnostics(issue, locate, data));
}

/** The value at `path` inside `data`, and whether the last key is present at all. */
function lookup(data: unknown, path: YamlPath): { present: boolean; value: unknown } {
  let node: unknown = data;
  for (const step of path) {
    if (node === null || typeof node !== 'object' || !(step in node)) return { present: false, value: undefined };
    node = (node as Record<string | number, unknown>)[step];
  }
  return { present: true, value: node };
}

function issueDiagnostics(issue: Issue, locate: Locator, data: unknown): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol') as YamlPath;
  const key = path[path.length - 1];
  const where = formatPath(path) || '文件顶层';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((name) =>
        diagnosticAt(locate([...path, name], 'key'), {
          code: 'schema/unknown-field',
          message: `未知字段 ${name}（位于 ${where}）`,
          hint: unknownFieldHint(name),
        }),
      );
    case 'invalid_type': {
      const found = lookup(data, path);
      if (!found.present) return [missingField(locate, path, key)];
      return [
        diagnosticAt(locate(path), {
          code: 'schema/wrong-type',
          message: `${where} 应为${typeName(issue.expected)}，实际是${describeValue(found.value)}`,
          hint: typeHint(issue.expected),
        }),
      ];
    }
    case 'invalid_value':
      // An enum (status) that is not there at all is a missing field, not a wrong value.
      if (!lookup(data, path).present)
        return [
          missingField(locate, path, key, `补上 ${String(key)}: …，取以下之一：${issue.values.map(String).join('、')}`),
        ];
      return [
        diagnosticAt(locate(path), {
          code: 'schema/invalid-value',
          message: `${fieldLabel(key)} 的取值无效`,
          hint: synonymHint(lookup(data, path).value) ?? `应为以下之一：${issue.values.map(String).join('、')}`,
        }),
      ];
    case 'too_small':
      return [
        diagnosticAt(locate(path), {
          code:
            issue.origin === 'string'
              ? 'schema/empty-text'
              : issue.origin === 'array'
                ? 'schema/empty-list'
                : 'schema/too-small',
          message:
            issue.origin === 'string'
              ? `${fieldLabel(key)} 不能为空（${where}）`
              : issue.origin === 'array'
                ? `${fieldLabel(key)} 至少要有 ${String(issue.minimum)} 项（${where}）`
                : `${where} 不能小于 ${String(issue.minimum)}`,
        }),
      ];
    case 'too_big':
      return [
        diagnosticAt(locate(path), {
          code: 'schema/too-big',
          message:
            issue.origin === 'string'
              ? `${fieldLabel(key)} 太长，最多 ${String(issue.maximum)} 个字（${where}）`
              : issue.origin === 'array'
                ? `${fieldLabel(key)} 最多 ${String(issue.maximum)} 项（${where}）`
                : `${fieldLabel(key)} 不能大于 ${String(issue.maximum)}（${where}）`,
        }),
      ];
    case 'invalid_format': {
      const typed = normaliseDateInput(lookup(data, path).value);
      if (typeof typed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(typed) && !isRealDate(typed))
        return [
          diagnosticAt(locate(path), {
            code: 'schema/invalid-date',
            message: `${fieldLabel(key)}：${typed} 不是有效日期`,
            hint: '核对月份和日期（例如 2 月没有 30 日），写作 YYYY-MM-DD',
          }),
        ];
      return [
        diagnosticAt(locate(path), {
          code: 'schema/invalid-format',
          message: `${fieldLabel(key)} 的格式不对（${where}）`,
          hint: FORMAT_HINTS[String(key)] ?? FORMAT_HINT,
        }),
      ];
    }
    default:
      // zod's own message is English: name the place and point at the format instead.
      return [
        diagnosticAt(locate(path), {
          code: 'schema/invalid',
          message: `${fieldLabel(key)} 的内容不符合文件格式（${where}）`,
          hint: FORMAT_HINT,
        }),
      ];
  }
}

/** 进行中 → “是否应为 推进中？” for a status written in everyday words. */
function synonymHint(value: unknown): string | undefined {
  const meant = typeof value === 'string' ? STATUS_SYNONYMS[value.trim()] : undefined;
  return meant
    ? `是否应为 ${meant}？（状态只有 ${STATUSES.join('、')} 三种，“${String(value).trim()}”写作 ${meant}）`
    : undefined;
}

function missingField(
  locate: Locator,
  path: YamlPath,
  key: string | number | undefined,
  hint = `补上 ${String(key)}: …`,
): Diagnostic {
  return diagnosticAt(locate(path), {
    code: 'schema/missing-field',
    message: `缺少必填字段 ${fieldLabel(key)}（位于 ${formatPath(path.slice(0, -1)) || '文件顶层'}）`,
    hint,
  });
}

function unknownFieldHint(name: string): string {
  const near = Object.keys(FIELD_LABELS)
    .map((known) => ({ known, distance: editDistance(name, known) }))
    .filter((c) => c.distance <= 2)
    .sort((a, b) => a.distance - b.distance)[0];
  return near ? `是否应为 ${near.known}？` : '删除这个字段，或查看 README 中的文件格式';
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: '文字',
    number: '数字',
    int: '整数',
    boolean: 'true 或 false',
    array: '列表',
    object: '字段表',
    record: '字段表',
  };
  return names[expected] ?? expected;
}

function typeHint(expected: string): string | undefined {
  if (expected === 'string') return '文字若以数字开头或含冒号，请用引号括起来，例如 "1.1.1"';
  if (expected === 'array') return '列表每项单独一行，以“- ”开头';
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null) return '空值';
  if (typeof value === 'number' && Number.isNaN(value)) return '非数字（.nan）';
  if (typeof value === 'number' && !Number.isFinite(value)) return '超出范围的数字（如 1e400，读作无穷大）';
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'object') return '字段表';
  return `${typeName(typeof value)} ${JSON.stringify(value)}`;
}
