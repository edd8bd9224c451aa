import { parseDocument } from 'yaml';
import { isRecord } from '../core/is-record.js';
import { segmentMeasures } from '../core/measure-segments.js';
import { detachStrings } from './detach-strings.js';

/**
 * An area file parsed piece by piece: its frame (everything but the measure items, each item
 * leaving its `- id:` line as a placeholder) and each field of each measure item on its own
 * (`status: 推进中`, a whole `unit_reports:` block), every piece memoised on its text. Walking
 * month ends (ledger trend, the quarterly report) meets each file in many versions that differ
 * in some fields of some measures only; only those are parsed again.
 *
 * The result must equal the whole file's parse, value for value. Anything that could make a
 * piece mean something else out of context sends the file to the whole-file parse instead:
 * comments other than the file's leading ones (YAML attaches them across pieces, and a comment
 * after a text is a warning of the whole file), anchors and aliases, directives and document
 * markers, a last line without its line break, any error or warning, a frame whose placeholders
 * are not exactly the items in order. A field that does not stand alone as a one-key mapping
 * sends its item to be parsed at once.
 */
const WHOLE = Symbol('whole file');
/** The comment lines a file starts with (the header ledger import writes): the only comments allowed. */
const LEADING_COMMENTS = /^(?:[ \t]*(?:#[^\n]*)?(?:\n|$))*/;
type Piece = unknown | typeof WHOLE;

/** Aliases a piece may expand: the same bound as the whole file (see yaml-source.ts). */
const MAX_ALIAS_COUNT = 100;

export class AreaPieces {
  /** Per file: the pieces of its last parse, by text. Memory stays at one version of each file. */
  private readonly byFile = new Map<string, Map<string, Piece>>();

  /** The file's data, or undefined when it must be parsed whole. */
  parse(text: string, file: string): unknown {
    if (!text.endsWith('\n') || /^(%|---|\.\.\.)/m.test(text)) return undefined;
    if (text.includes('#', LEADING_COMMENTS.exec(text)![0].length)) return undefined;
    const { frame, segments } = segmentMeasures(text, { keepItemLines: true });
    if (segments.length === 0) return undefined;
    const known = this.byFile.get(file) ?? new Map<string, Piece>();
    const used = new Map<string, Piece>();
    const piece = (source: string): Piece => {
      const value = used.get(source) ?? known.get(source) ?? parsePiece(source);
      used.set(source, value);
      return value;
    };
    const frameValue = piece(`${frame}\n`);
    const items = segments.map((s) => itemValue(s.text, piece));
    this.byFile.set(file, used);
    if (frameValue === WHOLE || items.includes(WHOLE)) return undefined;
    return assemble(frameValue, items);
  }
}

/** A measure item's value: field by field where its layout allows, else the item at once. */
function itemValue(text: string, piece: (source: string) => Piece): Piece {
  const fields = itemFields(text);
  const byFields = fields && measureOf(fields.map(piece));
  if (byFields) return byFields;
  const value = piece(`${text}\n`);
  return Array.isArray(value) && value.length === 1 && isRecord(value[0]) ? value[0] : WHOLE;
}

/**
 * A dedented item (`- id: …` and its lines) cut at each line that starts a key of the item's
 * mapping, each field dedented to stand alone; undefined for anything else (tabs, CR, a line
 * less indented than the keys, a complex key).
 */
function itemFields(text: string): string[] | undefined {
  if (text.includes('\t') || text.includes('\r')) return undefined;
  const lines = text.split('\n');
  const indent = lines[0]!.indexOf('id:');
  const fields: string[][] = [[lines[0]!.slice(indent)]];
  for (const line of lines.slice(1)) {
    const depth = line.length - line.trimStart().length;
    if (depth === line.length) fields[fields.length - 1]!.push(line.slice(indent));
    else if (depth < indent) return undefined;
    else if (depth > indent || line[depth] === '-') fields[fields.length - 1]!.push(line.slice(indent));
    else if (line[depth] === '?' || line[depth] === ':') return undefined;
    else fields.push([line.slice(indent)]);
  }
  return fields.map((field) => `${field.join('\n')}\n`);
}

/** The fields' one-key maps as one measure; undefined unless each is exactly that, with no key twice. */
function measureOf(values: readonly Piece[]): Record<string, unknown> | undefined {
  const measure: Record<string, unknown> = {};
  for (const value of values) {
    if (!isRecord(value)) return undefined;
    const keys = Object.keys(value);
    if (keys.length !== 1 || keys[0] === '__proto__' || Object.hasOwn(measure, keys[0]!)) return undefined;
    measure[keys[0]!] = value[keys[0]!];
  }
  return measure;
}

/** A piece's value; WHOLE when it has errors or warnings, or holds an anchor or alias. */
function parsePiece(text: string): Piece {
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0 || document.warnings.length > 0) return WHOLE;
  let anchors = 0;
  try {
    const value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT, onAnchor: () => (anchors += 1) });
    return anchors > 0 ? WHOLE : detachStrings(value);
  } catch {
    // An alias whose anchor is in another piece, or too many aliases: the whole file says which.
    return WHOLE;
  }
}

/**
 * The frame with each placeholder replaced by its item's value; undefined unless the placeholders
 * sit where measures do (tasks[].measures[]) and are exactly the items, in order.
 */
function assemble(frame: unknown, items: readonly unknown[]): unknown {
  if (!isRecord(frame) || !Array.isArray(frame.tasks)) return undefined;
  let next = 0;
  const tasks: unknown[] = [];
  for (const task of frame.tasks) {
    if (!isRecord(task) || !Array.isArray(task.measures)) {
      tasks.push(task);
      continue;
    }
    const measures: unknown[] = [];
    for (const placeholder of task.measures) {
      const item = items[next++];
      if (!isPlaceholderOf(placeholder, item)) return undefined;
      measures.push(item);
    }
    tasks.push({ ...task, measures });
  }
  return next === items.length ? { ...frame, tasks } : undefined;
}

/** `{ id }` alone, and the item a measure with the same id. */
function isPlaceholderOf(placeholder: unknown, item: unknown): boolean {
  if (!isRecord(placeholder) || Object.keys(placeholder).length !== 1 || !('id' in placeholder)) return false;
  return isRecord(item) && item.id === placeholder.id;
}
