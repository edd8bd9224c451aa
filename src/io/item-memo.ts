import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type ParseOptions } from 'yaml';
import { cutAreaItems, type AreaItems } from './area-items.js';
import { isRecord } from '../core/model/is-record.js';
import { detachStrings } from './detach-strings.js';
import type { ItemStore } from './item-store.js';
import { TextMemo } from './text-memo.js';
import { textCutByComments } from './yaml-comments.js';

/** The yaml options an area file is parsed with (those of the whole-file parse it stands in for). */
export type ItemParseOptions = Pick<ParseOptions, 'uniqueKeys'> & { maxAliasCount: number };

/** Text kept at the most (UTF-16 units), least recently used forgotten first. */
const MAX_ITEM_CHARS = 8 * 1024 * 1024;
const MAX_FRAME_CHARS = 4 * 1024 * 1024;

/**
 * An area file's data parsed per measure item, each item by the yaml package and memoised on its
 * exact text: a version of a file that differs from the last in a few measures parses those few
 * again and the frame around them. Every value comes from yaml; the result equals the whole-file
 * parse (`toJS` of parseDocument with the same options, strings detached) or is not given:
 * undefined wherever equality cannot be proved — a layout other than the tool's (area-items.ts),
 * any error or warning, a comment in an item or one that may cut a text in the frame, an alias,
 * a placeholder that does not stand where a measure does. The caller parses the whole file then,
 * and its diagnostics come from that parse. Results are shared between versions: never mutate them.
 * With a store (item-store.ts), items and frames parsed by an earlier run are taken from it.
 */
export class ItemMemo {
  /** Items (false: not to be read alone). */
  private readonly items = new TextMemo<unknown>(MAX_ITEM_CHARS);
  /** Frames (false: not to be assembled); a file's frame rarely changes between versions. */
  private readonly frames = new TextMemo<ParsedFrame | false>(MAX_FRAME_CHARS);

  constructor(
    private readonly options: ItemParseOptions,
    /** Parses kept between runs (item-store.ts), asked before parsing. */
    private readonly store?: ItemStore,
  ) {}

  /** The data of an area file's text, or undefined: parse the whole file. */
  parse(text: string): unknown {
    const cut = cutAreaItems(text);
    if (!cut) return undefined;
    const frame = this.frames.get(cut.frame) ?? this.frames.set(cut.frame, this.frame(cut) ?? false);
    if (frame === false) return undefined;
    const values: unknown[] = [];
    for (const item of cut.items) {
      const value = this.items.get(item) ?? this.items.set(item, this.item(item) ?? false);
      if (value === false) return undefined;
      values.push(value);
    }
    return assemble(frame, values);
  }

  private frame(cut: AreaItems): ParsedFrame | undefined {
    const stored = this.store?.get(cut.frame);
    if (isParsedFrame(stored)) return deepFreeze(stored);
    const frame = parseFrame(cut, this.options);
    if (frame) this.store?.set(cut.frame, frame);
    return frame;
  }

  private item(text: string): unknown {
    const stored = this.store?.get(text);
    if (isRecord(stored)) return deepFreeze(stored);
    const value = parseItem(text, this.options);
    if (value !== undefined) this.store?.set(text, value);
    return value;
  }
}

/** A stored frame whose every slot names a measure place in its data (a damaged cache is parsed again). */
function isParsedFrame(value: unknown): value is ParsedFrame {
  if (!isRecord(value) || !Array.isArray(value.slots) || !isRecord(value.value)) return false;
  const tasks = value.value.tasks;
  return (
    Array.isArray(tasks) &&
    value.slots.every((slot: unknown) => {
      if (!isRecord(slot) || !isIndex(slot.task) || !isIndex(slot.measure)) return false;
      const task: unknown = tasks[slot.task];
      return isRecord(task) && Array.isArray(task.measures) && slot.measure < task.measures.length;
    })
  );
}

/** The frame's data with the items in their places: fresh down to the measure lists, items shared. */
function assemble(frame: ParsedFrame, values: readonly unknown[]): unknown {
  const tasks = [...frame.value.tasks];
  for (const task of new Set(frame.slots.map((slot) => slot.task)))
    tasks[task] = { ...tasks[task]!, measures: [...tasks[task]!.measures] };
  frame.slots.forEach(({ task, measure }, k) => (tasks[task]!.measures[measure] = values[k]));
  return { ...frame.value, tasks };
}

/** A frame's data (frozen, placeholders null) and where its items go; the same for every version with that frame. */
interface ParsedFrame {
  value: Frame;
  slots: Slot[];
}

interface Slot {
  task: number;
  measure: number;
  offset: number;
}

function parseFrame({ frame, holes }: AreaItems, options: ItemParseOptions): ParsedFrame | undefined {
  const document = cleanDocument(frame, options);
  if (!document || textCutByComments(document, frame, '', true).length > 0) return undefined;
  const slots = measureSlots(document);
  if (!slots || slots.length !== holes.length || slots.some((slot, k) => slot.offset !== holes[k])) return undefined;
  const value = deepFreeze(detachStrings(document.toJS({ maxAliasCount: options.maxAliasCount })) as Frame);
  return { value, slots };
}

interface Frame {
  tasks: { measures: unknown[] }[];
}

/** One item's data (a mapping), frozen; undefined when the item is not provably read alone as in its file. */
function parseItem(text: string, options: ItemParseOptions): unknown {
  if (text.includes('#')) return undefined;
  const document = cleanDocument(text, options);
  const contents = document?.contents;
  if (!isSeq(contents) || contents.items.length !== 1 || !isMap(contents.items[0])) return undefined;
  const [value] = document!.toJS({ maxAliasCount: options.maxAliasCount }) as unknown[];
  return deepFreeze(detachStrings(value));
}

function isIndex(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

/** The document of `text`, when yaml parses it without an error, a warning or an alias. */
function cleanDocument(text: string, options: ItemParseOptions): Document | undefined {
  const document = parseDocument(text, { uniqueKeys: options.uniqueKeys });
  if (document.errors.length > 0 || document.warnings.length > 0) return undefined;
  return text.includes('*') && hasAlias(document) ? undefined : document;
}

function hasAlias(document: Document): boolean {
  let found = false;
  visit(document, { Alias: () => ((found = true), visit.BREAK) });
  return found;
}

/**
 * Where each measure item of the frame stands: task index, measure index and the offset of its node,
 * in file order; undefined when `tasks` or a task's `measures` is not the one block sequence of its key.
 */
function measureSlots(document: Document): Slot[] | undefined {
  const tasks = onlyValue(document.contents, 'tasks');
  if (!isSeq(tasks)) return undefined;
  const slots: Slot[] = [];
  for (const [task, node] of tasks.items.entries()) {
    if (!isMap(node)) continue;
    const measures = onlyValue(node, 'measures');
    if (measures === null) continue;
    if (!isSeq(measures)) return undefined;
    for (const [measure, item] of measures.items.entries())
      if (isScalar(item) && item.value === null) slots.push({ task, measure, offset: item.range?.[0] ?? -1 });
  }
  return slots;
}

/** The value node of the only pair keyed `key`; null when there is no such pair, undefined when there are several. */
function onlyValue(node: unknown, key: string): unknown {
  if (!isMap(node)) return undefined;
  const pairs = node.items.filter((pair) => isScalar(pair.key) && pair.key.value === key);
  if (pairs.length > 1) return undefined;
  return pairs.length === 0 ? null : pairs[0]!.value;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
