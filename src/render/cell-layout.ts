/**
 * Sizes for wrapped Chinese text in spreadsheet cells. Excel and WPS do not
 * grow rows for wrapped text in merged cells, and LibreOffice guesses poorly
 * for CJK, so heights are computed here.
 *
 * A column width is measured in widths of the digit “0” of the default font
 * (Calibri 11, 7 px). A CJK character in 宋体 11pt is 14.7 px, about 2.1 of
 * those; Latin letters and digits in 宋体 are half that.
 */
import { isWideCodePoint } from './text-width.js';
import { maxOf } from '../core/model/arrays.js';

/**
 * Wide in a terminal (text-width.ts) is wide in 宋体 too; these are also drawn
 * full-width by 宋体 though a terminal gives them one column: — ‘ ’ “ ” … and emoji.
 */
const FONT_WIDE_RANGES: readonly [number, number][] = [
  [0x2014, 0x2014],
  [0x2018, 0x201d],
  [0x2026, 0x2026],
  [0x1f300, 0x1faff],
];

const WIDE_UNITS = 2.1;
const NARROW_UNITS = 1.1;
/** Cell padding, in width units, that text cannot use. */
const PADDING_UNITS = 1;

function charUnits(ch: string): number {
  const c = ch.codePointAt(0)!;
  return isWideCodePoint(c) || FONT_WIDE_RANGES.some(([from, to]) => c >= from && c <= to) ? WIDE_UNITS : NARROW_UNITS;
}

/** Width of `text` in column-width units at 11pt; CJK counts about double. */
export function textUnits(text: string, fontSize = 11): number {
  let units = 0;
  for (const ch of text) units += charUnits(ch);
  return (units * fontSize) / 11;
}

/**
 * A run of printable ASCII (a date, an id, a number, a Latin word) wraps as one
 * word, as spreadsheet programs wrap it; anything else wraps per character.
 */
const WRAP_TOKEN = /[\x21-\x7e\u2011]+|[\s\S]/gu;

/** How many lines `text` takes when wrapped in a column `width` units wide. */
export function wrappedLineCount(text: string, width: number, fontSize = 11): number {
  const usable = Math.max(1, width - PADDING_UNITS);
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    lines++;
    let used = 0;
    for (const [token] of paragraph.matchAll(WRAP_TOKEN)) {
      const units = textUnits(token, fontSize);
      if (used + units <= usable || used === 0) {
        used += units;
        if (used > usable) [lines, used] = overflow(lines, used, usable);
      } else if (units <= usable) {
        lines++;
        used = units;
      } else [lines, used] = overflow(lines + 1, units, usable);
    }
  }
  return lines;
}

/** A word longer than a line breaks inside after all: the lines it fills, and what is left on the last. */
function overflow(lines: number, used: number, usable: number): [number, number] {
  const full = Math.floor(used / usable);
  const rest = used - full * usable;
  return rest > 0 ? [lines + full, rest] : [lines + full - 1, usable];
}

/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT = 409;

/** Row height in points for `lines` lines of text at `fontSize`. */
export function linesHeight(lines: number, fontSize = 11): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * fontSize * 1.32 + 6));
}

/** Height (points) that fits every text in its column: `texts[i]` sits in a column `widths[i]` wide. */
export function fittingHeight(texts: readonly string[], widths: readonly number[], fontSize = 11): number {
  const lines = maxOf(
    texts.map((text, i) => wrappedLineCount(text, widths[i]!, fontSize)),
    1,
  );
  return linesHeight(lines, fontSize);
}

/**
 * Grows `heights[from..to]` (inclusive) evenly so that together they are at
 * least `needed` points: a merged cell spans these rows and shows its text
 * only within their sum.
 */
export function growSpan(heights: number[], from: number, to: number, needed: number): void {
  const count = to - from + 1;
  let total = 0;
  for (let i = from; i <= to; i++) total += heights[i]!;
  if (total >= needed) return;
  const extra = Math.ceil((needed - total) / count);
  for (let i = from; i <= to; i++) heights[i] = Math.min(MAX_ROW_HEIGHT, heights[i]! + extra);
}
