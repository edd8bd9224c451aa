import { pushAll } from '../core/arrays.js';
/**
 * Prints a `key: value` pair as the yaml package prints it in a block map (lineWidth 0, no flow
 * padding, multi-line text as a literal block, short lists of the ledger's values nested as blocks),
 * for the plain values a merge writes: texts, whole numbers, lists and records of them. Anything it is
 * not certain to print the same way — text YAML would quote, keys that need quotes, tabs, control
 * characters, document markers, texts with leading or trailing blanks — gives undefined, and the
 * caller lets the yaml package print it (measure-splice.ts). Lines are relative to the pair's key.
 */
export function printPair(key: string, value: unknown): string[] | undefined {
  if (!isPlainText(key)) return undefined;
  if (value === undefined) return [];
  if (typeof value === 'string') return printText(key, value);
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? [`${key}: ${value}`] : undefined;
  if (typeof value === 'boolean') return [`${key}: ${value}`];
  if (Array.isArray(value)) return printList(key, value);
  if (value !== null && typeof value === 'object') return printRecord(key, value as Record<string, unknown>);
  return undefined;
}

function printText(key: string, text: string): string[] | undefined {
  if (text === '') return [`${key}: ""`];
  if (!text.includes('\n')) return isPlainText(text) ? [`${key}: ${text}`] : undefined;
  const lines = text.split('\n');
  // A literal block (|-): no blank or space at either end, no line YAML could take for a marker.
  if (/^\s|\s$/.test(text) || UNSAFE_CHARS.test(text) || lines.some((line) => /^(?:%|---|\.\.\.)/.test(line)))
    return undefined;
  return [`${key}: |-`, ...lines.map((line) => (line === '' ? '' : `  ${line}`))];
}

function printList(key: string, items: readonly unknown[]): string[] | undefined {
  if (items.length === 0) return [`${key}: []`];
  const out = [`${key}:`];
  for (const item of items) {
    if (typeof item === 'string' && !item.includes('\n') && item !== '' && isPlainText(item)) {
      out.push(`  - ${item}`);
      continue;
    }
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
    const pairs = recordLines(item as Record<string, unknown>);
    if (!pairs || pairs.length === 0) return undefined;
    pushAll(out, [...pairs.map((line, i) => (i === 0 ? `  - ${line}` : line === '' ? '' : `    ${line}`))]);
  }
  return out;
}

function printRecord(key: string, record: Record<string, unknown>): string[] | undefined {
  const pairs = recordLines(record);
  if (!pairs) return undefined;
  if (pairs.length === 0) return [`${key}: {}`];
  return [`${key}:`, ...pairs.map((line) => (line === '' ? '' : `  ${line}`))];
}

function recordLines(record: Record<string, unknown>): string[] | undefined {
  const out: string[] = [];
  for (const [name, value] of Object.entries(record)) {
    const lines = printPair(name, value);
    if (!lines) return undefined;
    pushAll(out, [...lines]);
  }
  return out;
}

/** Characters YAML escapes in double quotes (it would not print them plain or in a block). */
const UNSAFE_CHARS = /[\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]/;
/** What YAML's core schema reads as something other than a string (null, booleans, numbers). */
const NOT_TEXT =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** One line of text YAML prints as it is: no indicator first, no `: ` or ` #`, no blank at either end. */
function isPlainText(text: string): boolean {
  if (text === '' || text.includes('\n') || UNSAFE_CHARS.test(text)) return false;
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]|\s$|:$|: | #|^(?:---|\.\.\.)/.test(text)) return false;
  return !NOT_TEXT.test(text);
}
