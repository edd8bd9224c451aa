import { pushAll } from '../core/arrays.js';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { YamlPath } from '../core/ledger.js';
import { printPair } from './yaml-print.js';

/**
 * Edits of an area file that touch only some measures, done on those measures' fields alone: the
 * fields to change are cut out of the text, parsed together as one small YAML document, changed the
 * way the whole document would be, printed and put back in place. Everything else in the file keeps
 * its bytes. At 100,000 measures this is what keeps `ledger merge` near `ledger validate`: the large
 * parts of a measure (title, text) are never parsed again. For files in the tool's own layout the
 * result is byte for byte what editing the whole document gives (test/io/measure-splice.test.ts).
 * Anything unusual near a changed field (a comment, tabs, CRLF, a non-standard item indent, a
 * repeated id) returns undefined and the caller edits the whole document instead.
 */
export interface MeasureFieldEdit {
  /** Path inside the measure, e.g. ['unit_reports', '市公安局']. */
  path: YamlPath;
  after: unknown;
}

/** Applies one change to a parsed document (shared with the whole-document edit, so both behave alike). */
export type SetField = (document: Document, path: YamlPath, value: unknown) => void;

export const PRINT_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

const ITEM = /^( *)- id: *(["']?)([1-9]\d*\.[1-9]\d*\.[1-9]\d*)\2 *$/;
const KEY = /^([A-Za-z_][A-Za-z0-9_]*):(?: |$)/;
/** A plain map key alone on its line (a unit's name over its report). */
const ENTRY = /^([^\s#'"[\]{},&*!|>%@`?:-][^#:'"]*):$/;

interface Block {
  key: string;
  first: number;
  /** Last non-blank line of the field (inclusive). */
  last: number;
}

/**
 * A field to change and how much of its old text the small document needs: all of it (a scalar that
 * keeps something of its node), none (a value replaced as a whole, or a plain text by another text:
 * `key: ""` stands in), or only the entries of a map that are replaced (unit_reports: the units
 * reporting this month), each as `name: 0`.
 */
interface Touched extends Block {
  mode: 'whole' | 'stub' | 'entries';
  entries: Block[];
}

interface Item {
  id: string;
  start: number;
  /** Indent of the dash. */
  indent: number;
  blocks: Block[];
  /** Last non-blank line of the item. */
  last: number;
}

export function spliceMeasureEdits(
  text: string,
  edits: ReadonlyMap<string, readonly MeasureFieldEdit[]>,
  setField: SetField,
): string | undefined {
  if (text.includes('\r') || text.includes('\t')) return undefined;
  const lines = text.split('\n');
  const items = touchedItems(lines, edits);
  if (!items) return undefined;
  const touched = items.map((item) => touchedBlocks(item, edits.get(item.id)!, lines));
  if (touched.some((blocks) => blocks === undefined)) return undefined;
  const printed = items.map((item, i) => printDirectly(item, touched[i]!, edits.get(item.id)!));
  const rest = items.flatMap((item, i) => (printed[i] ? [] : [i]));
  if (rest.length > 0) {
    const byDocument = printThroughDocument(
      rest.map((i) => items[i]!),
      rest.map((i) => touched[i]!),
      edits,
      lines,
      setField,
    );
    if (!byDocument) return undefined;
    rest.forEach((i, k) => (printed[i] = byDocument[k]));
  }
  const replaced = new Map<number, { to: number; lines: string[] }>();
  const appended = new Map<number, string[]>();
  const append = (at: number, lines: string[]) => appended.set(at, [...(appended.get(at) ?? []), ...lines]);
  for (const [i, item] of items.entries()) {
    const out = printed[i]!;
    const pad = ' '.repeat(item.indent);
    const indent = (block: string[]) => block.map((line) => (line === '' ? line : pad + line));
    for (const block of touched[i]!) {
      const lines = out.get(block.key);
      if (!lines) return undefined;
      out.delete(block.key);
      if (block.mode !== 'entries') {
        replaced.set(block.first, { to: block.last, lines: indent(lines) });
        continue;
      }
      const entries = splitEntries(lines);
      if (!entries || entries.length < block.entries.length) return undefined;
      block.entries.forEach((entry, k) => replaced.set(entry.first, { to: entry.last, lines: indent(entries[k]!) }));
      // Entries the map did not have are added after its last line.
      append(block.last, indent(entries.slice(block.entries.length).flat()));
    }
    out.delete('id');
    // Fields the measure did not have are added after its last line, as the document appends them.
    append(item.last, indent([...out.values()].flat()));
  }
  return rebuild(lines, replaced, appended);
}

/** The measure items named in `edits`, each found exactly once and in the plain layout. */
/**
 * The items' changed fields printed by the yaml package: the fields (or stand-ins) cut out into one
 * small document, changed as the whole document would be changed, printed and cut up again.
 */
function printThroughDocument(
  items: readonly Item[],
  touched: readonly (readonly Touched[])[],
  edits: ReadonlyMap<string, readonly MeasureFieldEdit[]>,
  lines: readonly string[],
  setField: SetField,
): Map<string, string[]>[] | undefined {
  const mini = items.map((item, i) => miniItem(item, touched[i]!, lines, edits.get(item.id)!)).join('\n');
  const document = parseDocument(mini, { uniqueKeys: true });
  if (document.errors.length > 0 || !isSeq(document.contents) || document.contents.items.length !== items.length)
    return undefined;
  for (const [i, item] of items.entries()) {
    const node = document.contents.items[i];
    if (!isMap(node) || String(node.get('id')) !== item.id) return undefined;
    for (const edit of edits.get(item.id)!) setField(document, [i, ...edit.path], edit.after);
  }
  const printed = splitItems(document.toString(PRINT_OPTIONS));
  return printed?.length === items.length ? printed : undefined;
}

/**
 * The changed fields printed without the yaml package (yaml-print.ts), in the shape splitItems gives;
 * undefined when a field needs its old node or a value is not one printPair is sure of.
 */
function printDirectly(
  item: Item,
  touched: readonly Touched[],
  edits: readonly MeasureFieldEdit[],
): Map<string, string[]> | undefined {
  if (touched.some((block) => block.mode === 'whole')) return undefined;
  const paths = new Set<string>();
  for (const { path } of edits) {
    if (path.length > 2) return undefined;
    paths.add(path.length === 1 ? String(path[0]) : `${String(path[0])}\0${String(path[1])}`);
  }
  if (paths.size !== edits.length) return undefined;
  const out = new Map<string, string[]>();
  const indent = (lines: string[] | undefined, by: string) => lines?.map((line) => (line === '' ? line : by + line));
  for (const block of touched) {
    const own = edits.filter((edit) => edit.path[0] === block.key);
    if (block.mode === 'stub') {
      const lines = own.length === 1 ? indent(printPair(block.key, own[0]!.after), '  ') : undefined;
      if (!lines) return undefined;
      out.set(block.key, lines);
      continue;
    }
    // Entries the map has, in its order, then the new ones in the order they come.
    const known = new Set(block.entries.map((entry) => entry.key));
    const value = (name: string) => own.find((edit) => edit.path[1] === name)!.after;
    const lines = [`  ${block.key}:`];
    for (const name of [
      ...block.entries.map((entry) => entry.key),
      ...own.map((edit) => String(edit.path[1])).filter((name) => !known.has(name)),
    ]) {
      const entry = indent(printPair(name, value(name)), '    ');
      if (!entry) return undefined;
      pushAll(lines, [...entry]);
    }
    out.set(block.key, lines);
  }
  // Fields the measure lacks, in the order the edits first name them.
  const added = new Map<string, { whole?: unknown; entries?: Map<string, unknown> }>();
  for (const edit of edits) {
    const key = String(edit.path[0]);
    if (touched.some((block) => block.key === key)) continue;
    const field = added.get(key) ?? {};
    if (edit.path.length === 1 && !field.entries) field.whole = edit.after;
    else if (edit.path.length === 2 && !('whole' in field))
      field.entries = (field.entries ?? new Map()).set(String(edit.path[1]), edit.after);
    else return undefined;
    added.set(key, field);
  }
  for (const [key, field] of added) {
    const lines = indent(printPair(key, field.entries ? Object.fromEntries(field.entries) : field.whole), '  ');
    if (!lines) return undefined;
    out.set(key, lines);
  }
  return out;
}

function touchedItems(lines: readonly string[], edits: ReadonlyMap<string, unknown>): Item[] | undefined {
  const items: Item[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('- id:')) continue;
    const match = ITEM.exec(line);
    if (!match || !edits.has(match[3]!)) continue;
    if (seen.has(match[3]!)) return undefined;
    seen.add(match[3]!);
    const item = readItem(lines, i, match[1]!.length, match[3]!);
    if (!item) return undefined;
    items.push(item);
    i = item.last;
  }
  return seen.size === edits.size ? items : undefined;
}

/** The item starting at line `start`: its fields, each from its key line to its last non-blank line. */
function readItem(lines: readonly string[], start: number, indent: number, id: string): Item | undefined {
  const keyIndent = indent + 2;
  const blocks: Block[] = [{ key: 'id', first: start, last: start }];
  let last = start;
  let shallowComment = false;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const at = spacesBefore(line);
    // Only spaces count as blank: YAML takes other white space (the ideographic space) as text.
    if (at === line.length) continue;
    // A comment left of the item's fields does not end it in YAML; what follows decides.
    if (at <= indent && line[at] === '#') {
      shallowComment = true;
      continue;
    }
    if (at <= indent) break;
    if (at < keyIndent || shallowComment) return undefined;
    if (at === keyIndent) {
      const key = KEY.exec(line.slice(at))?.[1];
      if (!key || blocks.some((b) => b.key === key)) return undefined;
      blocks.push({ key, first: i, last: i });
    }
    blocks[blocks.length - 1]!.last = i;
    last = i;
  }
  return { id, start, indent, blocks, last };
}

/** The existing fields an item's edits change; undefined when one is not plain enough to cut out. */
function touchedBlocks(
  item: Item,
  edits: readonly MeasureFieldEdit[],
  lines: readonly string[],
): Touched[] | undefined {
  const keys = new Set(edits.map((edit) => edit.path[0]));
  if (keys.has('id') || [...keys].some((key) => typeof key !== 'string')) return undefined;
  const out: Touched[] = [];
  for (const block of item.blocks.filter((b) => keys.has(b.key))) {
    const own = edits.filter((edit) => edit.path[0] === block.key);
    const replacesWhole = own.every(
      (edit) =>
        edit.path.length === 1 &&
        (isObject(edit.after) ||
          (typeof edit.after === 'string' && isPlainString(lines[block.first]!, block.key)) ||
          (typeof edit.after === 'number' && isWholeNumber(lines, block))),
    );
    const entries = own.every((edit) => edit.path.length === 2 && isObject(edit.after))
      ? replacedEntries(block, own, lines, item.indent + 2)
      : undefined;
    const mode = entries ? 'entries' : replacesWhole ? 'stub' : 'whole';
    const cut = entries ? [{ first: block.first, last: block.first }, ...entries] : [block];
    if (cut.some((part) => hasHash(lines, part.first, part.last))) return undefined;
    out.push({ ...block, mode, entries: entries ?? [] });
  }
  return out;
}

const isObject = (value: unknown) => value !== null && typeof value === 'object';

/**
 * Whether a field's old value is a string with nothing attached (no tag, anchor or comment): a new text
 * then keeps nothing of it (its style is reset), so `key: ""` can stand in for it. Quoted, block and
 * plain text that YAML cannot read as a number, boolean or null qualify.
 */
function isPlainString(keyLine: string, key: string): boolean {
  const value = keyLine.slice(keyLine.indexOf(`${key}:`) + key.length + 1).trim();
  if (/^(?:"|'|[|>][-+1-9]*$)/.test(value)) return true;
  return value !== '' && !/^[-?:,[\]{}#&*!|>'"%@`\d.+~]/.test(value) && !/^(?:null|true|false)$/i.test(value);
}

/** A number replaced by a number keeps nothing of the old node when that was a plain decimal on one line. */
function isWholeNumber(lines: readonly string[], block: Block): boolean {
  const line = lines[block.first]!;
  return (
    block.last === block.first && /^\d+$/.test(line.slice(line.indexOf(`${block.key}:`) + block.key.length + 1).trim())
  );
}

function spacesBefore(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

function hasHash(lines: readonly string[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (lines[i]!.includes('#')) return true;
  return false;
}

/**
 * The entries of a block map field that the edits replace, in the file's order (those the map lacks are
 * added by the document); undefined unless the field is `key:` over entries `name:` two spaces deeper.
 */
function replacedEntries(
  block: Block,
  edits: readonly MeasureFieldEdit[],
  lines: readonly string[],
  keyIndent: number,
): Block[] | undefined {
  if (lines[block.first] !== `${' '.repeat(keyIndent)}${block.key}:` || block.last === block.first) return undefined;
  const names = new Set(edits.map((edit) => edit.path[1]));
  const all: Block[] = [];
  for (let i = block.first + 1; i <= block.last; i++) {
    const line = lines[i]!;
    const at = spacesBefore(line);
    // Only spaces count as blank: YAML takes other white space (the ideographic space) as text.
    if (at === line.length) continue;
    if (at < keyIndent + 2) return undefined;
    if (at === keyIndent + 2) {
      const name = ENTRY.exec(line.slice(at))?.[1];
      if (!name || all.some((e) => e.key === name)) return undefined;
      all.push({ key: name, first: i, last: i });
    } else if (all.length === 0) return undefined;
    all[all.length - 1]!.last = i;
  }
  const replaced = all.filter((entry) => names.has(entry.key));
  // With none of them there the small map would be empty (null): the field is then taken whole.
  return replaced.length > 0 ? replaced : undefined;
}

/** The item as a one-item list at column 0 holding only its id and what the edits need of their fields. */
function miniItem(
  item: Item,
  blocks: readonly Touched[],
  lines: readonly string[],
  edits: readonly MeasureFieldEdit[],
): string {
  const out = [lines[item.start]!.slice(item.indent)];
  for (const block of blocks) {
    const text = edits.some((edit) => edit.path[0] === block.key && typeof edit.after === 'string');
    if (block.mode === 'stub') out.push(`  ${block.key}: ${text ? '""' : '0'}`);
    else if (block.mode === 'entries')
      pushAll(out, [`  ${block.key}:`, ...block.entries.map((e) => `    ${e.key}: 0`)]);
    else for (let i = block.first; i <= block.last; i++) out.push(lines[i]!.slice(item.indent));
  }
  return out.join('\n');
}

/** A printed map field (`  key:` and its entries four spaces in) cut into its entries' lines. */
function splitEntries(lines: readonly string[]): string[][] | undefined {
  const entries: string[][] = [];
  for (const line of lines.slice(1)) {
    if (/^ {4}\S/.test(line)) entries.push([line]);
    else if (entries.length > 0 && (line === '' || line.startsWith('     '))) entries[entries.length - 1]!.push(line);
    else return undefined;
  }
  return entries;
}

/** The printed list cut into items, each a map from field to its lines (relative to the item's dash). */
function splitItems(printed: string): Map<string, string[]>[] | undefined {
  const items: Map<string, string[]>[] = [];
  let current: string[] | undefined;
  for (const line of printed.replace(/\n$/, '').split('\n')) {
    const start = line.startsWith('- ') ? 'item' : /^ {2}\S/.test(line) ? 'field' : undefined;
    if (start === 'item') items.push(new Map());
    if (start) {
      const item = items[items.length - 1];
      const key = KEY.exec(line.slice(2))?.[1];
      if (!item || !key || item.has(key)) return undefined;
      current = [`  ${line.slice(2)}`];
      item.set(key, current);
    } else if (current && (line === '' || line.startsWith('   '))) current.push(line);
    else return undefined;
  }
  return items;
}

function rebuild(
  lines: readonly string[],
  replaced: ReadonlyMap<number, { to: number; lines: string[] }>,
  appended: ReadonlyMap<number, string[]>,
): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const replacement = replaced.get(i);
    if (replacement) {
      for (const line of replacement.lines) out.push(line);
      i = replacement.to;
    } else out.push(lines[i]!);
    const added = appended.get(i);
    if (added) for (const line of added) out.push(line);
  }
  return out.join('\n');
}
