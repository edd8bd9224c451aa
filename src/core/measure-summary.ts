/**
 * What `ledger log` reads of a measure (title, units, status), read off the lines of a measure
 * segment (segmentMeasures) without parsing YAML, when the segment has the layout `ledger import`
 * and `ledger merge` write: each of these keys on one line, two spaces in, with a plain or simply
 * quoted value (units a flow list). Anything else gives undefined and the segment is parsed.
 * A monthly merge rewrites most measures, so the log of a long history would otherwise parse
 * every changed measure of every commit.
 */
import { normaliseMeasure } from './measure-snapshot.js';

export const SUMMARY_FIELDS = ['title', 'units', 'status'] as const;

const ITEM_START = /^- +id: *(["']?)([1-9]\d*\.[1-9]\d*\.[1-9]\d*)\1 *$/;
const KEY_LINE = /^ {2}([a-z_]+):(?: +(.*))?$/;
/** Plain scalars that YAML reads as something other than a string (numbers, booleans, null) or that need care. */
const NOT_PLAIN_TEXT = /^(?:[-?:,[\]{}#&*!|>'"%@`+.~\d]|(?:null|true|false)$)/i;

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
 * unit_reports as “month status” per unit, read off the lines below `  unit_reports:` (units four spaces in,
 * month and status six); undefined when the block has another shape. Tells log whose report changed a status.
 */
function unitReportLines(lines: readonly string[], from: number): Record<string, string> | undefined {
  const out: Record<string, { month?: string; status?: string }> = {};
  let unit: string | undefined;
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (!/^ {3,}/.test(line)) break;
    const head = /^ {4}(["']?)([^\s:#"'][^:"']*)\1:\s*$/.exec(line);
    if (head) {
      unit = head[2]!;
      out[unit] = {};
      continue;
    }
    if (/^ {3,5}\S/.test(line) || unit === undefined) return undefined;
    const field = /^ {6}(month|status): *(.*)$/.exec(line);
    if (!field) continue;
    const value = field[1] === 'month' ? /^(["']?)(\d{4}-\d{2})\1$/.exec(field[2]!.trim())?.[2] : scalar(field[2]!);
    if (value === undefined) return undefined;
    out[unit]![field[1] as 'month' | 'status'] = value;
  }
  const result: Record<string, string> = {};
  for (const [name, r] of Object.entries(out)) {
    if (r.month === undefined || r.status === undefined) return undefined;
    result[name] = `${r.month} ${r.status}`;
  }
  return result;
}

/** measureSummary of the segment's measure, or undefined when its lines cannot be read safely. */
export function segmentSummary(text: string, id: string): Record<string, unknown> | undefined {
  const lines = text.split('\n');
  const first = ITEM_START.exec(lines[0]!.replace(/\r$/, ''));
  if (!first || first[2] !== id) return undefined;
  const found: Record<string, unknown> = { id };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (!line.startsWith('  ') || line[2] === ' ') continue;
    const match = KEY_LINE.exec(line);
    if (!match) return undefined;
    const key = match[1]!;
    if (key === 'unit_reports') {
      if (key in found) return undefined;
      const reports =
        match[2] === undefined ? unitReportLines(lines, i + 1) : match[2].trim() === '{}' ? {} : undefined;
      if (reports === undefined) return undefined;
      found[key] = reports;
      continue;
    }
    if (!(SUMMARY_FIELDS as readonly string[]).includes(key)) continue;
    if (key in found || match[2] === undefined || continues(lines, i + 1)) return undefined;
    const value = key === 'units' ? flowList(match[2]) : scalar(match[2]);
    if (value === undefined) return undefined;
    found[key] = value;
  }
  const { unit_reports: reports, ...rest } = found;
  return { ...measureSummary(rest), ...(reports !== undefined ? { unit_reports: reports } : {}) };
}

/** Whether the value begun on the line before `from` goes on (a deeper line before the next key). */
function continues(lines: readonly string[], from: number): boolean {
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    return /^ {3,}/.test(line);
  }
  return false;
}

/** A one-line scalar that is certainly a string: plain text, or quoted without escapes. */
function scalar(raw: string): string | undefined {
  const text = raw.trim();
  const quoted = /^"([^"\\]*)"$/.exec(text) ?? /^'([^']*)'$/.exec(text);
  if (quoted) return quoted[1];
  if (text === '' || NOT_PLAIN_TEXT.test(text) || /: |:$| #|\t/.test(text)) return undefined;
  return text;
}

/** `[a, b, c]` of plain or simply quoted names. */
function flowList(raw: string): string[] | undefined {
  const match = /^\[(.*)\]$/.exec(raw.trim());
  if (!match) return undefined;
  if (match[1]!.trim() === '') return [];
  const items = match[1]!.split(',').map((item) => (/[[\]{}]/.test(item) ? undefined : scalar(item)));
  return items.every((item): item is string => item !== undefined) ? items : undefined;
}
