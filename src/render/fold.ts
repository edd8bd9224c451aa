import { displayWidth } from './text-width.js';

/**
 * The one line-folding function of the terminal renderers (table cells, log, history, show, merge, missing,
 * validate). Text folds between Chinese characters, at spaces and after punctuation, never inside a run of
 * Latin letters and digits (an id 1.2.3, a date 2020-07-24, a hash 1dbb1f4, a file path), never before
 * closing punctuation (a line never starts with 、，。；）) and never after opening punctuation.
 */

/** Punctuation that must stay at the end of the line before it. */
const CLOSING = new Set([...'、，。；：！？）」』》〉”’】〕,.;:!?)]}%…']);
/** Punctuation that must stay at the start of the line after it. */
const OPENING = new Set([...'（「『《〈“‘【〔([{']);

/** A file path (anything with a slash, up to a space or Chinese punctuation) is one unit, like a Latin word. */
const PATH = String.raw`(?:[^\s/，。；、：（）“”]*\/)+[^\s，。；、：（）“”]*`;
const TOKEN = new RegExp(
  String.raw`\x1b\[[0-9;]*m|${PATH}|\d+ ?(?:天|项|个|次|份)|[0-9A-Za-z_.\-/:@#+~=\\]+|—+|…+|\s|.`,
  'gsu',
);

export interface FoldOptions {
  /** Put before every continuation line (a hanging indent); counts toward the width. */
  indent?: string;
}

/** Splits one line into units that are never broken: a word with its closing punctuation, an opener with what follows. */
export function foldUnits(line: string): string[] {
  const units: string[] = [];
  let pendingOpen = '';
  for (const token of line.match(TOKEN) ?? []) {
    const last = units.length - 1;
    if (token.startsWith('\x1b[')) {
      if (pendingOpen !== '') pendingOpen += token;
      else if (last >= 0) units[last] += token;
      else pendingOpen = token;
    } else if (OPENING.has(token)) {
      pendingOpen += token;
    } else if (CLOSING.has(token) && pendingOpen === '' && last >= 0 && units[last] !== ' ') {
      units[last] += token;
    } else {
      units.push(pendingOpen + token);
      pendingOpen = '';
    }
  }
  if (pendingOpen !== '') units.push(pendingOpen);
  return units;
}

/**
 * Folds `text` (which may hold several lines) so that no line is wider than `width` terminal columns;
 * continuation lines start with `options.indent`. A unit wider than a whole line (a very long path) is
 * broken between characters rather than overflow.
 */
export function foldText(text: string, width: number, options: FoldOptions = {}): string {
  return text
    .split('\n')
    .map((line) => foldLine(line, width, options.indent ?? ''))
    .join('\n');
}

function foldLine(line: string, width: number, indent: string): string {
  if (displayWidth(line) <= width) return line;
  return packUnits(foldUnits(line), width, indent);
}

/**
 * Packs unbreakable units (words, names of a list) into lines of at most `width` columns, continuation lines
 * starting with `indent`; spaces at a fold are dropped.
 */
export function packUnits(units: readonly string[], width: number, indent = ''): string {
  const room = Math.max(1, width - displayWidth(indent));
  const lines: string[] = [];
  let current = '';
  for (const unit of units.flatMap((u) => (displayWidth(u) > room ? splitWide(u, room) : [u]))) {
    const limit = lines.length === 0 ? width : room;
    if (current !== '' && displayWidth(current + unit.trimEnd()) > limit) {
      lines.push(current.trimEnd());
      current = unit.trim() === '' ? '' : unit.trimStart();
    } else {
      current += unit;
    }
  }
  lines.push(current.trimEnd());
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

/** A unit too wide for any line, in pieces of at most `room` columns. */
function splitWide(unit: string, room: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of unit.match(/\x1b\[[0-9;]*m|./gsu) ?? []) {
    if (piece !== '' && displayWidth(piece + ch) > room) {
      // a closing mark takes the character before it along, so that no line starts with it
      const carry = CLOSING.has(ch) ? [...piece].slice(-1).join('') : '';
      pieces.push(carry === '' ? piece : piece.slice(0, piece.length - carry.length));
      piece = carry;
    }
    piece += ch;
  }
  return piece === '' ? pieces : [...pieces, piece];
}

/**
 * Folds every line of a command's text output to the terminal width, each continuation hanging `hang` columns
 * deeper than its line's own indent; unchanged without a width (piped output stays one record a line).
 */
export function fitToWidth(text: string, width: number | undefined, hang = 2): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .map((line) => foldText(line, width, { indent: ' '.repeat((/^ */.exec(line)?.[0].length ?? 0) + hang) }))
    .join('\n');
}
