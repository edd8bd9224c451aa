/**
 * What `ledger log` reads of a measure (title, units, status), read off the lines of a measure
 * segment (segmentMeasures) without parsing YAML, when the segment has the layout `ledger import`
 * and `ledger merge` write: each of these keys on one line, two spaces in, with a plain or simply
 * quoted value (units a flow list). Anything else gives undefined and the segment is parsed.
 * A monthly merge rewrites most measures, so the log of a long history would otherwise parse
 * every changed measure of every commit.
 *
 * Like segmentMeasures, only ASCII decides, so the segment may be the decoded text or its UTF-8
 * bytes read as Latin-1; `decode` then turns each value read into text. Whitespace is YAML's: spaces
 * only (a tab, a CR inside a line or a control character makes the segment go to the parser).
 */
import { normaliseMeasure } from './measure-snapshot.js';

export const SUMMARY_FIELDS = ['title', 'units', 'status'] as const;

type Decode = (raw: string) => string;

const ITEM_START = /- id: *(["']?)([1-9]\d*\.[1-9]\d*\.[1-9]\d*)\1 *$/y;
/** A CR that does not end a line: YAML reads it as a line break. */
const ODD_CR = /\r(?!\n|$)/;
const UNIT_LINE = / {4}(?:"([^"\\]*)"|'([^']*)'|([^ "'][^:]*)): *$/y;
const MONTH = /^(["']?)(\d{4}-\d{2})\1$/;
/** Plain scalars that YAML reads as something other than a string (numbers, booleans, null) or that need care. */
const NOT_PLAIN_TEXT = /^(?:[-?:,[\]{}#&*!|>'"%@`+.~\d]|(?:null|true|false)$)/i;
/** What a plain scalar may not hold on one line: a key, a comment, a tab or CR, any control character. */
const NOT_IN_PLAIN = /: |:$| #|[\x00-\x1f\x7f]/;
/** Characters YAML does not print as they are: such a value goes to the parser. */
const NOT_PRINTABLE = /[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]/;

/** The summary fields of a measure, from any measure value (parsed YAML), in a fixed order. */
export function measureSummary(measure: Record<string, unknown>): Record<string, unknown> {
  const normalised = normaliseMeasure(measure);
  const out: Record<string, unknown> = {};
  for (const field of SUMMARY_FIELDS) if (normalised[field] !== undefined) out[field] = normalised[field];
  const reports = normalised.unit_reports;
  if (typeof reports === 'object' && reports !== null) {
    const entries = Object.entries(reports as Record<string, { month?: unknown; status?: unknown }>);
    out.unit_reports = Object.fromEntries(
      entries.map(([unit, r]) => [unit, `${String(r?.month)} ${String(r?.status)}`]),
    );
  }
  return out;
}

/**
 * measureSummary of the segment's measure, or undefined when its lines cannot be read safely. The
 * segment may still have the `indent` spaces before its dash that segmentMeasures takes off.
 */
export function segmentSummary(
  text: string,
  id: string,
  decode: Decode = (raw) => raw,
  indent = 0,
): Record<string, unknown> | undefined {
  const hasCR = text.includes('\r');
  if (text.includes('\t') || (hasCR && ODD_CR.test(text))) return undefined;
  const lines = hasCR ? text.split('\n').map(withoutCR) : text.split('\n');
  const first = execAt(ITEM_START, lines[0]!, indent);
  // The id is the one the parser reads: on its own line (not continued on the next), and given once.
  if (!first || first[2] !== id || continues(lines, 1, indent + 3)) return undefined;
  const found: Found = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const depth = spacesBefore(line) - indent;
    if (depth === line.length - indent || depth > 2) continue;
    const key = depth === 2 ? keyAt(line, indent + 2) : undefined;
    if (key === undefined || key === 'id') return undefined;
    if (key !== 'title' && key !== 'units' && key !== 'status' && key !== 'unit_reports') continue;
    // What follows `key:` (empty, or its spaces and the value).
    const rest = line.slice(indent + 3 + key.length);
    const field = key === 'unit_reports' ? 'reports' : key;
    if (found[field] !== undefined) return undefined;
    const value =
      key === 'unit_reports' ? reportsOf(rest, lines, i, decode, indent) : fieldOf(key, rest, lines, i, decode, indent);
    if (value === undefined) return undefined;
    (found as Record<string, unknown>)[field] = value;
  }
  return summaryOf(found);
}

interface Found {
  title?: string;
  units?: string[];
  status?: string;
  reports?: Record<string, string>;
}

/** unit_reports after `  unit_reports:`: the block below it, or `{}`. */
function reportsOf(
  rest: string,
  lines: readonly string[],
  at: number,
  decode: Decode,
  indent: number,
): Record<string, string> | undefined {
  if (rest === '') return unitReportLines(lines, at + 1, decode, indent);
  return trimSpaces(rest) === '{}' ? {} : undefined;
}

/** title, status (a scalar) or units (a flow list), on their line alone. */
function fieldOf(
  key: 'title' | 'units' | 'status',
  rest: string,
  lines: readonly string[],
  at: number,
  decode: Decode,
  indent: number,
): string | string[] | undefined {
  if (rest === '' || continues(lines, at + 1, indent + 3)) return undefined;
  return key === 'units' ? flowList(rest, decode) : scalar(rest, decode);
}

/** measureSummary's shape: title, units, status (default 未启动), then unit_reports. */
function summaryOf(found: Found): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (found.title !== undefined) out.title = found.title;
  if (found.units !== undefined) out.units = found.units;
  out.status = found.status ?? '未启动';
  if (found.reports !== undefined) out.unit_reports = found.reports;
  return out;
}

/**
 * unit_reports as “month status” per unit, read off the lines below `  unit_reports:` (units four spaces in,
 * month and status six); undefined when the block has another shape. Tells log whose report changed a status.
 */
function unitReportLines(
  lines: readonly string[],
  from: number,
  decode: Decode,
  indent: number,
): Record<string, string> | undefined {
  const out = new Map<string, { month?: string; status?: string }>();
  let unit: { month?: string; status?: string } | undefined;
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!;
    const depth = spacesBefore(line) - indent;
    if (depth === line.length - indent) continue;
    if (depth < 3) break;
    if (depth === 4) {
      const name = unitName(line, decode, indent);
      if (name === undefined || out.has(name)) return undefined;
      out.set(name, (unit = {}));
      continue;
    }
    if (depth < 6 || unit === undefined) return undefined;
    if (depth > 6) continue;
    const key = keyAt(line, indent + 6);
    if (key === undefined) return undefined;
    if (key !== 'month' && key !== 'status') continue;
    const raw = line.slice(indent + 7 + key.length);
    if (unit[key] !== undefined || continues(lines, j + 1, indent + 7)) return undefined;
    unit[key] = key === 'month' ? MONTH.exec(trimSpaces(raw))?.[2] : raw === '' ? undefined : scalar(raw, decode);
    if (unit[key] === undefined) return undefined;
  }
  if (out.size === 0) return undefined;
  const result: Record<string, string> = {};
  for (const [name, r] of out) {
    if (r.month === undefined || r.status === undefined) return undefined;
    result[name] = `${r.month} ${r.status}`;
  }
  return result;
}

/**
 * The key of a line `key: value` or `key:` whose key starts at `at` (lower-case letters and `_`), or
 * undefined when the line is not such a key line: what follows the colon is a space or nothing.
 */
function keyAt(line: string, at: number): string | undefined {
  let end = at;
  while (isKeyCode(line.charCodeAt(end))) end++;
  if (end === at || line.charCodeAt(end) !== 58) return undefined;
  return end + 1 === line.length || line.charCodeAt(end + 1) === 32 ? line.slice(at, end) : undefined;
}

function isKeyCode(code: number): boolean {
  return (code >= 97 && code <= 122) || code === 95;
}

function execAt(regex: RegExp, line: string, at: number): RegExpExecArray | null {
  regex.lastIndex = at;
  return regex.exec(line);
}

/** A unit's name on its own line (`    市审批局:`), plain or quoted without escapes. */
function unitName(line: string, decode: Decode, indent: number): string | undefined {
  const match = execAt(UNIT_LINE, line, indent);
  if (!match) return undefined;
  if (match[3] === undefined) return printable(decode(match[1] ?? match[2]!));
  return scalar(match[3], decode) === undefined || match[3] !== trimSpaces(match[3]) ? undefined : decode(match[3]);
}

function continues(lines: readonly string[], from: number, deeper: number): boolean {
  for (let j = from; j < lines.length; j++) {
    const depth = spacesBefore(lines[j]!);
    if (depth < lines[j]!.length) return depth >= deeper;
  }
  return false;
}

/** A one-line scalar that is certainly a string: plain text, or quoted without escapes. */
function scalar(raw: string, decode: Decode): string | undefined {
  const text = trimSpaces(raw);
  const quoted = /^"([^"\\]*)"$/.exec(text) ?? /^'([^']*)'$/.exec(text);
  if (quoted) return printable(decode(quoted[1]!));
  if (text === '' || NOT_PLAIN_TEXT.test(text) || NOT_IN_PLAIN.test(text)) return undefined;
  return printable(decode(text));
}

/** `[a, b, c]` of plain or simply quoted names. */
function flowList(raw: string, decode: Decode): string[] | undefined {
  const match = /^\[([^]*)\]$/.exec(trimSpaces(raw));
  if (!match) return undefined;
  if (trimSpaces(match[1]!) === '') return [];
  const items = match[1]!.split(',').map((item) => (/[[\]{}]/.test(item) ? undefined : scalar(item, decode)));
  return items.every((item): item is string => item !== undefined) ? items : undefined;
}

function printable(text: string): string | undefined {
  return NOT_PRINTABLE.test(text) ? undefined : text;
}

function withoutCR(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function spacesBefore(line: string): number {
  let at = 0;
  while (at < line.length && line.charCodeAt(at) === 32) at++;
  return at;
}

function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(start, end);
}
