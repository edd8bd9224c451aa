import { createRequire } from 'node:module';
import { maxOf } from '../core/model/arrays.js';
import type { Phase } from '../core/rules/evaluate.js';
import type { Light } from '../core/rules/rollup.js';
import {
  applyFallbacks,
  boxWidth,
  cellWidth,
  columnKinds,
  fallbackNotes,
  fitWidths,
  type ColumnWrap,
  type TableLayout,
} from './table-fit.js';
import { foldText, packUnits } from './fold.js';
import { displayWidth } from './text-width.js';
import { drawBox, type Align } from './box-table.js';

/** Colours for the terminal renderers; every function is the identity without colour. */
export interface TerminalStyle {
  head(text: string): string;
  dim(text: string): string;
  bad(text: string): string;
  worse(text: string): string;
  warn(text: string): string;
  good(text: string): string;
  light(light: Light): string;
  phase(phase: Phase, text?: string): string;
}

/** Colour only on a terminal, never with NO_COLOR set (https://no-color.org) or when piped. */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const plain = (text: string) => text;

/** The style without colour: every function returns its text (what chalk does at level 0). */
const PLAIN: TerminalStyle = {
  head: plain,
  dim: plain,
  bad: plain,
  worse: plain,
  warn: plain,
  good: plain,
  light: plain,
  phase: (phase, text = phase) => text,
};

/**
 * The terminal's colours. chalk is loaded only when colour is on (a terminal, FORCE_COLOR): piped output,
 * the usual case for scripts, does not pay for loading it. Node ≥ 20.19 requires ES modules synchronously.
 */
export function terminalStyle(color: boolean): TerminalStyle {
  if (!color) return PLAIN;
  const { Chalk } = createRequire(import.meta.url)('chalk') as typeof import('chalk');
  const chalk = new Chalk({ level: 1 });
  const lights: Record<Light, (text: string) => string> = {
    红: chalk.red.bold,
    黄: chalk.yellow.bold,
    绿: chalk.green.bold,
  };
  const phases: Partial<Record<Phase, (text: string) => string>> = {
    严重逾期: chalk.red.bold,
    逾期: chalk.red,
    临期: chalk.yellow,
    本月未报进展: chalk.yellow,
    已完成: chalk.green,
  };
  return {
    head: chalk.bold,
    dim: chalk.dim,
    bad: chalk.red,
    worse: chalk.red.bold,
    warn: chalk.yellow,
    good: chalk.green,
    light: (light) => lights[light](light),
    phase: (phase, text = phase) => (phases[phase] ?? ((t: string) => t))(text),
  };
}

/**
 * Columns to fit output into: COLUMNS when set (as ls does, so `COLUMNS=100 ledger status | less` works),
 * else the terminal's width; undefined when piped, where tables keep their fixed column widths.
 */
export function terminalWidth(
  stream: { isTTY?: boolean; columns?: number },
  env: NodeJS.ProcessEnv,
): number | undefined {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return stream.isTTY === true && stream.columns ? stream.columns : undefined;
}

export type { Align };

/**
 * A box table (box-table.ts), measured with string-width, which counts CJK
 * characters as two columns and ignores colour codes, so Chinese text lines up.
 * Long cells are wrapped here first: `layout` gives each column's maximum width in terminal columns
 * (a plain array is just that) and, with `width`, the terminal width to fit
 * (see table-fit.ts). Leave colour out of cells that wrap.
 */
export function renderTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
  style: TerminalStyle,
  layout: readonly (number | undefined)[] | TableLayout = [],
): string {
  const fit: TableLayout = isWidthList(layout) ? { maxWidths: layout } : layout;
  const fallbacks = fit.width === undefined ? [] : (fit.fallbacks ?? []);
  for (let count = 0; ; count++) {
    const parts = applyFallbacks(head, rows, fallbacks, count);
    const pick = <T>(list: readonly T[] | undefined) => list && parts.columns.map((i) => list[i]);
    const wrap = parts.columns.map((i) => {
      const replaced = fallbacks.slice(0, count).find((s) => s.column === i && !('drop' in s));
      return replaced && !('drop' in replaced) && replaced.wrap ? replaced.wrap : fit.wrap?.[i];
    });
    const sub: TableLayout = {
      ...fit,
      wrap,
      ...(fit.maxWidths ? { maxWidths: pick(fit.maxWidths)! } : {}),
      ...(fit.minWidths ? { minWidths: pick(fit.minWidths)! } : {}),
    };
    const widths = fitWidths(parts.head, parts.rows, sub, wrapCell);
    const actual = widths.map(
      (w, i) =>
        w ??
        maxOf(
          parts.rows.map((r) => cellWidth(r[i]!)),
          cellWidth(parts.head[i]!),
        ),
    );
    if (count < fallbacks.length && boxWidth(actual) > fit.width!) continue;
    const table = boxTable(
      parts.head,
      parts.rows,
      parts.columns.map((i) => align[i] ?? 'left'),
      style,
      sub,
      widths,
    );
    if (count === 0) return table;
    const note = `（窗口宽 ${fit.width} 列：${fallbackNotes(head, fallbacks.slice(0, count)).join('，')}）`;
    return `${table}\n${style.dim(foldText(note, fit.width!))}`;
  }
}

function boxTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
  style: TerminalStyle,
  fit: TableLayout,
  widths: readonly (number | undefined)[],
): string {
  const kinds = columnKinds(head, fit);
  const heads = head.map((h, i) =>
    (kinds[i] === 'head' && widths[i] !== undefined ? packLines(h.split(/(?<=\/)/), widths[i]) : h)
      .split('\n')
      .map((line) => style.head(line))
      .join('\n'),
  );
  const cells = rows.map((row) =>
    row.map((cell, i) =>
      widths[i] !== undefined && kinds[i] !== 'head' ? wrapCell(cell, widths[i], kinds[i]!) : cell,
    ),
  );
  return drawBox(heads, cells, align);
}

function isWidthList(layout: readonly (number | undefined)[] | TableLayout): layout is readonly (number | undefined)[] {
  return Array.isArray(layout);
}

function wrapCell(text: string, max: number, kind: ColumnWrap): string {
  if (kind === 'text') return wrapToWidth(text, max);
  return packLines(
    text
      .split('\n')
      .flatMap((line) => [...line.split(/(?<=、)/), '\n'])
      .slice(0, -1),
    max,
  );
}

export { displayWidth };

/**
 * Breaks `text` into lines of at most `max` columns (see fold.ts): between Chinese characters, never inside ids,
 * dates, hashes or Latin words, never starting a line with closing punctuation.
 */
export function wrapToWidth(text: string, max: number): string {
  return foldText(text, max);
}

/** Lines of prose folded to the terminal width with a hanging indent; unchanged without one. */
export function wrapLines(lines: readonly string[], width: number | undefined, indent = ''): string[] {
  return width === undefined ? [...lines] : lines.map((line) => foldText(line, width, { indent }));
}

/** Packs list items (unit names) into lines of at most `max` columns, breaking only between items. */
export function wrapList(items: readonly string[], max: number, separator = '、'): string {
  return packLines(
    items.map((item, i) => (i < items.length - 1 ? item + separator : item)),
    max,
  );
}

/** Tokens packed into lines of `max` columns; a '\n' token ends a line. */
function packLines(tokens: readonly string[], max: number): string {
  const lines: string[][] = [[]];
  for (const token of tokens) {
    if (token === '\n') lines.push([]);
    else lines[lines.length - 1]!.push(token);
  }
  return lines.map((units) => packUnits(units, max)).join('\n');
}
