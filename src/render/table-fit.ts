import { displayWidth } from './text-width.js';
import { maxOf } from '../core/model/arrays.js';

/**
 * How a column may wrap to fit: `text` between characters, `list` only after the 、 between names,
 * `head` only its heading, after a “/” (the values, numbers, never wrap).
 */
export type ColumnWrap = 'text' | 'list' | 'head';

/** A table's layout: the widest each column may be, which may wrap, and the terminal width to fit into. */
export interface TableLayout {
  /** Preferred maximum content width per column, in terminal columns; such a column wraps as text unless `wrap` says otherwise. */
  maxWidths?: readonly (number | undefined)[];
  wrap?: readonly (ColumnWrap | undefined)[];
  /** Narrowest content width per column when fitting (default MIN_TEXT_WIDTH). */
  minWidths?: readonly (number | undefined)[];
  /** Terminal width the whole table (borders included) should fit; undefined: only `maxWidths` apply. */
  width?: number;
  /** What to give up, in this order, when wrapping alone does not fit `width` (see TableFallback). */
  fallbacks?: readonly TableFallback[];
}

/** Wrapped columns never get narrower than this (five Chinese characters), whatever the terminal width. */
export const MIN_TEXT_WIDTH = 10;

/** The widest line of a (possibly multi-line) cell. */
export function cellWidth(text: string): number {
  return maxOf(text.split('\n').map(displayWidth), 0);
}

/** The kind each column wraps as: `layout.wrap`, else text where a maximum width is given. */
export function columnKinds(head: readonly string[], layout: TableLayout): (ColumnWrap | undefined)[] {
  return head.map((_, i) => layout.wrap?.[i] ?? (layout.maxWidths?.[i] ? 'text' : undefined));
}

/**
 * Content widths per column (undefined: leave as is) so that a box table with
 * one space of padding each side fits `layout.width`: the widest wrappable
 * column gives up a column at a time until the table fits or every wrappable
 * column is at its readable minimum; then the table stays wider than the terminal.
 */
export function fitWidths(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  layout: TableLayout,
  wrapCell: (text: string, max: number, kind: ColumnWrap) => string,
): (number | undefined)[] {
  const kinds = columnKinds(head, layout);
  const column = (i: number) => rows.map((row) => row[i] ?? '');
  const natural = head.map((h, i) => {
    const max = layout.maxWidths?.[i];
    const wrapped =
      kinds[i] && kinds[i] !== 'head' && max ? column(i).map((cell) => wrapCell(cell, max, kinds[i]!)) : column(i);
    return maxOf(wrapped.map(cellWidth), cellWidth(h));
  });
  const widths = [...natural];
  if (layout.width === undefined) return widths.map((w, i) => (kinds[i] ? w : undefined));
  const minimum = head.map((h, i) => {
    if (kinds[i] === 'head') return maxOf(column(i).map(cellWidth), maxOf(h.split(/(?<=\/)/).map(displayWidth)));
    return Math.min(natural[i]!, Math.max(cellWidth(h), layout.minWidths?.[i] ?? MIN_TEXT_WIDTH));
  });
  let excess = 1 + widths.reduce((sum, w) => sum + w + 3, 0) - layout.width;
  while (excess > 0) {
    const candidates = widths.map((w, i) => (kinds[i] && w > minimum[i]! ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0) break;
    const widest = candidates.reduce((a, b) => (widths[b]! > widths[a]! ? b : a));
    widths[widest]!--;
    excess--;
  }
  return widths.map((w, i) => (kinds[i] ? w : undefined));
}

/**
 * A step a table takes, in order, when it is still wider than the terminal with every column at its minimum:
 * drop a low-value column, or fold its cells to something shorter (a list of units to their count).
 */
export type TableFallback =
  | { column: number; drop: true; note?: string }
  | { column: number; head?: string; cells: readonly string[]; wrap?: ColumnWrap; note: string };

/** What the reader is told under a table that gave up columns: “略去“牵头单位”列”. */
export function fallbackNotes(head: readonly string[], applied: readonly TableFallback[]): string[] {
  const dropped = new Set(applied.filter((s) => 'drop' in s).map((s) => s.column));
  const notes: string[] = [];
  let drops: string[] = [];
  const flush = () => {
    if (drops.length > 0) notes.push(`略去${drops.join('')}列`);
    drops = [];
  };
  for (const step of applied.filter((s) => 'drop' in s || !dropped.has(s.column))) {
    if (step.note !== undefined) {
      flush();
      notes.push(step.note);
    } else drops.push(`“${head[step.column]}”`);
  }
  flush();
  return notes;
}

export interface TableParts {
  head: string[];
  rows: string[][];
  /** Index of each remaining column in the original table. */
  columns: number[];
}

/** The table after the first `count` fallbacks (cells replaced first, then columns dropped). */
export function applyFallbacks(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  fallbacks: readonly TableFallback[],
  count: number,
): TableParts {
  const applied = fallbacks.slice(0, count);
  const h = [...head];
  const r = rows.map((row) => [...row]);
  for (const step of applied) {
    if ('drop' in step) continue;
    if (step.head !== undefined) h[step.column] = step.head;
    r.forEach((row, i) => (row[step.column] = step.cells[i] ?? ''));
  }
  const dropped = new Set(applied.filter((s) => 'drop' in s).map((s) => s.column));
  const columns = head.map((_, i) => i).filter((i) => !dropped.has(i));
  return { head: columns.map((i) => h[i]!), rows: r.map((row) => columns.map((i) => row[i] ?? '')), columns };
}

/** Width of a box table with one space of padding each side, given each column's content width. */
export function boxWidth(widths: readonly number[]): number {
  return 1 + widths.reduce((sum, w) => sum + w + 3, 0);
}
