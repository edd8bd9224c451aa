import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Phase } from '../core/evaluate.js';
import type { Light } from '../core/rollup.js';
import { displayWidth } from './text-width.js';

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

export function terminalStyle(color: boolean): TerminalStyle {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const lights: Record<Light, (text: string) => string> = { 红: chalk.red.bold, 黄: chalk.yellow.bold, 绿: chalk.green.bold };
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

export type Align = 'left' | 'right' | 'center';

/**
 * A box table. cli-table3 measures cells with string-width, which counts CJK
 * characters as two columns and ignores colour codes, so Chinese text lines up.
 * Its own wrapping counts characters, not columns, so long cells are wrapped
 * here first (`maxWidths`, in terminal columns; leave colour out of such cells).
 */
export function renderTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
  style: TerminalStyle,
  maxWidths: readonly (number | undefined)[] = [],
): string {
  const table = new Table({
    head: head.map((h) => style.head(h)),
    colAligns: [...align],
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  for (const row of rows) table.push(row.map((cell, i) => (maxWidths[i] ? wrapToWidth(cell, maxWidths[i]) : cell)));
  return table.toString();
}

export { displayWidth };

/** Breaks `text` into lines of at most `max` columns, between characters (Chinese has no spaces) but not inside Latin words or numbers. */
export function wrapToWidth(text: string, max: number): string {
  return packLines(text.split('\n').flatMap((part) => [...(part.match(/[0-9A-Za-z.\-/:]+|./gsu) ?? []), '\n']).slice(0, -1), max);
}

/** Packs list items (unit names) into lines of at most `max` columns, breaking only between items. */
export function wrapList(items: readonly string[], max: number, separator = '、'): string {
  return packLines(items.map((item, i) => (i < items.length - 1 ? item + separator : item)), max);
}

function packLines(tokens: readonly string[], max: number): string {
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (token === '\n') {
      lines.push(line);
      line = '';
      continue;
    }
    if (line !== '' && displayWidth(line + token) > max) {
      lines.push(line);
      line = token;
    } else {
      line += token;
    }
  }
  return [...lines, line].join('\n');
}
