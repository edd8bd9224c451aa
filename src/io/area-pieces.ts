import { parseDocument } from 'yaml';
import { segmentMeasures } from '../core/measure-segments.js';
import { detachStrings } from './detach-strings.js';

/**
 * An area file parsed piece by piece: its frame (everything but the measure items, each item
 * leaving its `- id:` line as a placeholder) and each measure item on its own, every piece
 * memoised on its text. Walking month ends (ledger trend, the quarterly report) meets each file
 * in many versions that differ in some measures only; the measures that did not change are not
 * parsed again.
 *
 * The result must equal the whole file's parse, value for value. Anything that could make a
 * piece mean something else out of context sends the file to the whole-file parse instead:
 * comments other than the file's leading ones (YAML attaches them across pieces, and a comment
 * after a text is a warning of the whole file), anchors and aliases,
 * directives and document markers, any error or warning, a frame whose placeholders are not
 * exactly the items in order.
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
    if (/^(%|---|\.\.\.)/m.test(text) || text.includes('#', LEADING_COMMENTS.exec(text)![0].length)) return undefined;
    const { frame, segments } = segmentMeasures(text, { keepItemLines: true });
    if (segments.length === 0) return undefined;
    const known = this.byFile.get(file) ?? new Map<string, Piece>();
    const used = new Map<string, Piece>();
    const piece = (source: string): Piece => {
      const value = used.get(source) ?? known.get(source) ?? parsePiece(source);
      used.set(source, value);
      return value;
    };
    const frameValue = piece(frame);
    const items = segments.map((s) => piece(s.text));
    this.byFile.set(file, used);
    if (frameValue === WHOLE || items.includes(WHOLE)) return undefined;
    return assemble(frameValue, items);
  }
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
      measures.push((item as unknown[])[0]);
    }
    tasks.push({ ...task, measures });
  }
  return next === items.length ? { ...frame, tasks } : undefined;
}

/** `{ id }` alone, and the item a one-element list whose element has the same id. */
function isPlaceholderOf(placeholder: unknown, item: unknown): boolean {
  if (!isRecord(placeholder) || Object.keys(placeholder).length !== 1 || !('id' in placeholder)) return false;
  if (!Array.isArray(item) || item.length !== 1 || !isRecord(item[0])) return false;
  return item[0].id === placeholder.id;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
