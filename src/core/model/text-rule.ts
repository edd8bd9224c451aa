import { diagnosticAt, type Diagnostic } from './diagnostic.js';
import { FIELD_LABELS, formatPath } from './field-labels.js';
import type { Locator, YamlPath } from './ledger.js';
import { codePoint } from './unit-names.js';

/**
 * The one text rule for every field of the ledger and of reports: what passes validate can be
 * written to every output (xlsx and docx are XML, the site is HTML) and read back by merge.
 * Characters XML 1.0 cannot hold are refused with their position; every text has a length limit
 * well under Excel's 32,767 characters per cell, so one field always fits a cell with room to spare.
 * See docs/safety.md.
 */

/** The longest text a field may hold (characters). */
export const MAX_TEXT_CHARS = 10_000;

/** Control characters other than tab and newlines, U+FFFE/U+FFFF, and unpaired surrogates. */
const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const XML_ILLEGAL_ALL = new RegExp(XML_ILLEGAL.source, 'gu');

/**
 * Why `text` breaks the rule, or undefined. `limit` is MAX_TEXT_CHARS except for a measure's
 * progress that merge joins from its units' reports (each of those is checked in unit_reports).
 */
export function textProblem(text: string, limit = MAX_TEXT_CHARS): string | undefined {
  const index = firstXmlIllegal(text);
  if (index >= 0) {
    const at = [...text.slice(0, index)].length + 1;
    return `第 ${at} 个字符 ${codePoint(text.charAt(index))} 是 XML 不能保存的字符（导出的 xlsx、Word 文件会损坏）`;
  }
  if (text.length > limit) {
    const length = [...text].length;
    if (length > limit) return `有 ${length} 个字符，超过每项文字的上限 ${limit}`;
  }
  return undefined;
}

/**
 * The index of the first character XML cannot hold, or -1. A loop over char codes rather than the
 * regular expression: a ledger of 100,000 measures has over a million strings (~5× faster).
 */
function firstXmlIllegal(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      if (c >= 0xdc00) return i;
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      i += 1;
    } else if (c >= 0xfffe) return i;
  }
  return -1;
}

/** Every string in `value` (a parsed file) checked by the text rule, each finding at its own place. */
export function textRuleDiagnostics(value: unknown, locate: Locator): Diagnostic[] {
  // A first pass only asks whether anything breaks the rule (a large ledger has a million strings);
  // the second, with paths, runs only then.
  if (clean(value, false)) return [];
  const out: Diagnostic[] = [];
  const path: (string | number)[] = [];
  const walk = (node: unknown, derived: boolean) => {
    if (typeof node === 'string') {
      const problem = textProblem(node, derived ? Infinity : MAX_TEXT_CHARS);
      if (problem) out.push(textDiagnostic(problem, path.slice(), locate));
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i], false);
        path.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      const joined = 'unit_reports' in node;
      for (const key of Object.keys(node)) {
        path.push(key);
        walk((node as Record<string, unknown>)[key], joined && key === 'progress');
        path.pop();
      }
    }
  };
  walk(value, false);
  return out;
}

/** Whether every string in `node` keeps the rule (`derived`: a progress joined from unit reports). */
function clean(node: unknown, derived: boolean): boolean {
  if (typeof node === 'string') return (derived || node.length <= MAX_TEXT_CHARS) && firstXmlIllegal(node) < 0;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) if (!clean(node[i], false)) return false;
    return true;
  }
  if (node === null || typeof node !== 'object') return true;
  const record = node as Record<string, unknown>;
  const joined = 'unit_reports' in record;
  for (const key of Object.keys(record)) if (!clean(record[key], joined && key === 'progress')) return false;
  return true;
}

function textDiagnostic(problem: string, path: YamlPath, locate: Locator): Diagnostic {
  const key = [...path].reverse().find((step): step is string => typeof step === 'string');
  const label = key !== undefined && FIELD_LABELS[key] ? `（${FIELD_LABELS[key]}）` : '';
  const tooLong = problem.includes('上限');
  return diagnosticAt(locate(path), {
    code: tooLong ? 'text/too-long' : 'text/xml-char',
    message: `${formatPath(path) || '文件顶层'}${label} 的文字${problem}`,
    hint: tooLong
      ? `把文字缩短到 ${MAX_TEXT_CHARS} 字以内，详细材料放进佐证材料（evidence）`
      : '删除这个字符（它通常是从别的程序复制来的，看不见）',
  });
}

/** The last line of defence in the renderers: characters XML cannot hold become U+FFFD. */
export function xmlSafe(text: string): string {
  return XML_ILLEGAL.test(text) ? text.replace(XML_ILLEGAL_ALL, '\uFFFD') : text;
}

/** OOXML's `_xHHHH_` escapes in xlsx text (`_x000D_` is a carriage return) decoded to the characters. */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
