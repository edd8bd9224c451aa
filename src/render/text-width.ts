import stringWidth from 'string-width';

/**
 * Terminal columns, counted by string-width — the same count box-table.ts lays its tables out with, so
 * our own folding and padding never disagree with the table around them (🔴, combining marks, CJK).
 */

/** Whether a code point takes two terminal columns (East Asian wide or fullwidth). */
export function isWideCodePoint(c: number): boolean {
  return stringWidth(String.fromCodePoint(c)) === 2;
}

/** Terminal columns taken by `text` (colour codes take none). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}
