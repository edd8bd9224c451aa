import { maxOf } from '../core/model/arrays.js';
import { safeText } from './safe-text.js';

/**
 * Markdown building blocks that render the same on GitHub, GitLab and Gitee
 * (GFM tables): a cell can hold any text without breaking its table.
 */

/**
 * One table cell: Markdown punctuation is backslash-escaped (a backslash
 * before `|` would otherwise un-escape it), line breaks become `<br>`.
 */
export function escapeCell(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeInline(line.trim()))
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join('<br>');
}

/** Text in a heading or paragraph: no Markdown meaning, on one line. */
export function escapeInline(text: string): string {
  const oneLine = text.replace(/\s*(\r\n|\r|\n)\s*/g, ' ');
  return safeText(oneLine).replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`);
}

/**
 * Text as inline code: the fence is one backtick longer than the longest run inside, so a file
 * name holding backticks cannot close the span early (and HTML inside a code span stays literal).
 */
export function codeSpan(text: string): string {
  const shown = safeText(text);
  const longest = maxOf(
    (shown.match(/`+/g) ?? []).map((run) => run.length),
    0,
  );
  const fence = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') || longest > 0 ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header.map(escapeCell)), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
