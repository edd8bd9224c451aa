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

/** `reports/2020-07/市税务局.yaml` → `市税务局.yaml`. */
export function fileLabel(file: string): string {
  return file.split(/[\\/]/).at(-1) ?? file;
}
