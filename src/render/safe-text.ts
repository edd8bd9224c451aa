/**
 * The one sanitising step for text that came from files (values, file names, excerpts) on its way to
 * any output: control characters are shown escaped (`\n`, `\x1b`), so a value can never start a new
 * line of CI output (a GitHub `::warning` command) or send escape sequences to a terminal; and long
 * values are cut (`…（共 N 字）`), so a 66 MB one-line file does not become 133 MB of messages.
 * See docs/safety.md.
 */

/** Longest quoted value shown in a message. */
export const MAX_VALUE_CHARS = 120;
/** Longest message or hint shown (they quote values; the fixed words are far shorter). */
export const MAX_MESSAGE_CHARS = 600;
/** Longest source excerpt shown under a diagnostic. */
export const MAX_EXCERPT_CHARS = 120;

export interface SafeTextOptions {
  /** Cut after this many characters; no cut when undefined. */
  max?: number;
  /** Keep line breaks and tabs (text shown as a block, e.g. 工作完成情况 in `ledger show`). */
  multiline?: boolean;
}

/**
 * C0 and C1 controls, DEL, and the invisible characters that change how a line reads: line and
 * paragraph separators, bidirectional overrides and isolates.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with control characters escaped and, with `max`, cut to that many characters. */
export function safeText(text: string, options: SafeTextOptions = {}): string {
  const kept = text.replace(CONTROL, (c) => (options.multiline && (c === '\n' || c === '\t') ? c : escapeChar(c)));
  // A kept line break must not start a CI workflow command (`::warning …` on a line of its own).
  const escaped = options.multiline ? kept.replace(/^([ \t]*)::/gm, '$1\\::') : kept;
  return options.max === undefined ? escaped : capChars(escaped, options.max, [...text].length);
}

/**
 * A message or hint built around quoted values: control characters escaped, every quoted value
 * (“…” or "…") cut to MAX_VALUE_CHARS, and the whole cut to MAX_MESSAGE_CHARS.
 */
export function safeMessage(text: string, options: { multiline?: boolean } = {}): string {
  const quoted = text
    .replace(/“([^”]*)”/g, (_m, inner: string) => `“${safeText(inner, { max: MAX_VALUE_CHARS })}”`)
    .replace(/"((?:[^"\\]|\\.)*)"/g, (_m, inner: string) => `"${safeText(inner, { max: MAX_VALUE_CHARS })}"`);
  return safeText(quoted, { max: MAX_MESSAGE_CHARS, ...options });
}

/**
 * One line of a source file around a column: at most MAX_EXCERPT_CHARS of it, escaped, and the
 * shown text before the column (the caller measures its width to place a caret).
 */
export function safeExcerpt(line: string, col: number): { text: string; before: string } {
  const chars = [...line];
  const at = Math.max(0, col - 1);
  if (chars.length <= MAX_EXCERPT_CHARS) return { text: safeText(line), before: safeText(chars.slice(0, at).join('')) };
  const start = Math.max(0, Math.min(at - MAX_EXCERPT_CHARS / 2, chars.length - MAX_EXCERPT_CHARS));
  const window = chars.slice(start, start + MAX_EXCERPT_CHARS);
  const prefix = start > 0 ? '…' : '';
  const suffix = start + MAX_EXCERPT_CHARS < chars.length ? `…（该行共 ${chars.length} 字）` : '';
  return {
    text: `${prefix}${safeText(window.join(''))}${suffix}`,
    before: `${prefix}${safeText(window.slice(0, Math.max(0, at - start)).join(''))}`,
  };
}

/**
 * The last line of defence before a stream: any escape sequence other than a colour (SGR, which
 * chalk writes) and any other control character but line break and tab is shown escaped.
 */
export function terminalSafe(text: string): string {
  return text.replace(/\u001b(\[[0-9;]*m)?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu, (match, sgr?: string) =>
    sgr ? match : escapeChar(match.charAt(0)),
  );
}

function capChars(text: string, max: number, originalLength: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, max).join('')}…（共 ${originalLength} 字）`;
}

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
