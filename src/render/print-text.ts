/**
 * Text as it goes on paper (xlsx, docx): dates stay whole on a line, commit
 * times read like a clock, report files by their names. Markdown and JSON
 * keep the plain ASCII forms.
 */

/** U+2011 NON-BREAKING HYPHEN: looks like “-”, but spreadsheet and word processors never wrap after it. */
export const NO_BREAK_HYPHEN = '\u2011';

const DATE = /\b(\d{4})-(\d{2})(?:-(\d{2}))?\b/g;

/** `2020-09-30` and `2020-09` with non-breaking hyphens, so that no renderer breaks them as `2020-/09-30`. */
export function keepDatesWhole(text: string): string {
  if (!text.includes('-')) return text;
  return text.replace(DATE, (date) => date.replaceAll('-', NO_BREAK_HYPHEN));
}

/** `2020-07-24T16:00:00+08:00` → `2020-07-24 16:00` (the committer's own clock, as Git records it). */
export function timestampLabel(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : iso;
}

/**
 * When a report arrived, as lateness was judged: the day the lead received a mailed form
 * (`2020-12-22 收件`), else the time its file first landed on main (`2020-12-24 10:00`).
 */
export function arrivalLabel(row: { received?: string; committed?: string }): string {
  if (row.received) return `${row.received} 收件`;
  return row.committed ? timestampLabel(row.committed) : '';
}

/** `reports/2020-07/市税务局.yaml` → `市税务局.yaml`. */
export function fileLabel(file: string): string {
  return file.split(/[\\/]/).at(-1) ?? file;
}

const OPENING = new Set([...'“‘（《「【〔(']);
const CLOSING = new Set([...'”’）》」】〕)、，。；：！？,.;:!?']);

/**
 * `text` in lines of at most `perLine` characters, broken between words (Intl.Segmenter, Chinese), never
 * after an opening bracket or quote or before closing punctuation, into lines of about equal length.
 */
export function breakTitle(text: string, perLine: number): string[] {
  const chars = [...text];
  if (chars.length <= perLine) return [text];
  const lineCount = Math.ceil(chars.length / perLine);
  const target = Math.ceil(chars.length / lineCount);
  const boundaries = wordBoundaries(text).filter((i) => !OPENING.has(chars[i - 1]!) && !CLOSING.has(chars[i]!));
  const fitting = boundaries.filter((i) => i <= perLine);
  const cut = fitting.length
    ? fitting.reduce((best, i) => (Math.abs(i - target) < Math.abs(best - target) ? i : best))
    : perLine;
  return [chars.slice(0, cut).join(''), ...breakTitle(chars.slice(cut).join(''), perLine)];
}

/** Character offsets (in code points) where a word starts, the first excepted. */
function wordBoundaries(text: string): number[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const out: number[] = [];
  let offset = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (offset > 0) out.push(offset);
    offset += [...segment].length;
  }
  return out;
}
