/**
 * Reads YAML written in the plain block layout of the ledger's own files (what `ledger import`,
 * `ledger merge` and the report template write) straight into JS values, about ten times faster than
 * the yaml package builds and converts a Document. Block maps and lists, one-line plain, double- or
 * single-quoted scalars, flow lists of plain names, `{}`, literal blocks (| and |-), comments only at
 * the top. Anything else — anchors, tags, folded or kept blocks, multi-line plain text, escapes,
 * comments further down, duplicate keys, tabs, CR — gives undefined and the caller parses with the
 * yaml package, so results (and error messages) never differ: the value is exactly what
 * `parseDocument(text).toJS()` gives (test/io/plain-yaml.test.ts).
 */
export function readPlainYaml(text: string): unknown {
  if (/[\r\t]/.test(text) || /^(?:%|---|\.\.\.)/m.test(text)) return undefined;
  try {
    const reader = new Reader(text.split('\n'));
    return reader.document();
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

const BAIL = new Error('not in the plain layout');

function bail(): never {
  throw BAIL;
}

/** What YAML's core schema reads as something other than a string. */
const NOT_TEXT =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)?$/;
const INDICATOR = /^[\s\-?:,[\]{}#&*!|>'"%@`]/;

class Reader {
  private i = 0;
  constructor(private readonly lines: string[]) {}

  document(): unknown {
    // Comments and blank lines may open the file; further down only blank lines are skipped.
    while (this.i < this.lines.length && /^ *(?:#.*)?$/.test(this.lines[this.i]!)) this.i++;
    if (this.i >= this.lines.length || indentOf(this.lines[this.i]!) !== 0) bail();
    const value = this.map(0);
    this.skipBlank();
    if (this.i < this.lines.length) bail();
    return value;
  }

  private skipBlank(): void {
    while (this.i < this.lines.length && isBlank(this.lines[this.i]!)) this.i++;
  }

  /** The indent of the next non-blank line (-1 at the end); a comment there is not plain. */
  private next(): number {
    this.skipBlank();
    if (this.i >= this.lines.length) return -1;
    const line = this.lines[this.i]!;
    const indent = indentOf(line);
    if (line[indent] === '#') bail();
    return indent;
  }

  private map(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let at = this.next(); at >= indent; at = this.next()) {
      if (at > indent) bail();
      const body = this.lines[this.i]!.slice(indent);
      if (body === '-' || body.startsWith('- ')) bail();
      const colon = body.endsWith(':') && !body.includes(': ') ? body.length - 1 : body.indexOf(': ');
      const key = colon > 0 ? body.slice(0, colon) : '';
      if (!isKey(key) || Object.prototype.hasOwnProperty.call(out, key)) bail();
      const rest = trimSpaces(body.slice(colon + 1));
      this.i++;
      out[key] = rest === '' ? this.nested(indent) : this.inline(rest, indent);
    }
    return out;
  }

  /** The value under `key:` with nothing after it: a deeper block, a list at the key's indent, or null. */
  private nested(indent: number): unknown {
    const at = this.next();
    if (at > indent) return this.block(at);
    const body = at === indent ? this.lines[this.i]!.slice(indent) : '';
    return body === '-' || body.startsWith('- ') ? this.list(indent) : null;
  }

  private block(indent: number): unknown {
    const body = this.lines[this.i]!.slice(indent);
    return body === '-' || body.startsWith('- ') ? this.list(indent) : this.map(indent);
  }

  private list(indent: number): unknown[] {
    const out: unknown[] = [];
    for (let at = this.next(); at === indent; at = this.next()) {
      const body = this.lines[this.i]!.slice(indent);
      if (!body.startsWith('- ')) break;
      const rest = body.slice(2);
      const inner = indent + 2 + indentOf(rest);
      const item = rest.slice(indentOf(rest));
      if (item === '' || item.startsWith('- ')) bail();
      if (isMapLine(item)) {
        // `- key: value` opens a map whose keys line up with this first one.
        this.lines[this.i] = ' '.repeat(inner) + item;
        out.push(this.map(inner));
      } else {
        this.i++;
        out.push(this.inline(item, indent));
      }
    }
    if (this.next() > indent) bail();
    return out;
  }

  /** A value on the key's (or dash's) own line; nothing may follow it deeper than `indent`. */
  private inline(text: string, indent: number): unknown {
    if (text === '|' || text === '|-') return this.literal(indent, text === '|');
    const value = scalar(text);
    if (this.next() > indent) bail();
    return value;
  }

  /** A literal block (| or |-) under a key at `indent`. */
  private literal(indent: number, keepLastBreak: boolean): string {
    const start = this.i;
    let end = start;
    while (end < this.lines.length && (isBlank(this.lines[end]!) || indentOf(this.lines[end]!) > indent)) end++;
    while (end > start && isBlank(this.lines[end - 1]!)) end--;
    if (end === start || isBlank(this.lines[start]!)) bail();
    const content = indentOf(this.lines[start]!);
    const out: string[] = [];
    for (let k = start; k < end; k++) {
      const line = this.lines[k]!;
      if (isBlank(line)) out.push(line.length > content ? line.slice(content) : '');
      else if (indentOf(line) < content) bail();
      else out.push(line.slice(content));
    }
    this.i = end;
    return out.join('\n') + (keepLastBreak ? '\n' : '');
  }
}

/** Only spaces count as blank: YAML takes other white space, such as the ideographic space, as text. */
function isBlank(line: string): boolean {
  return /^ *$/.test(line);
}

function trimSpaces(text: string): string {
  return text.replace(/^ +| +$/g, '');
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

function isKey(key: string): boolean {
  return (
    key !== '' &&
    key !== '__proto__' &&
    key !== '<<' &&
    !INDICATOR.test(key) &&
    !/\s$|#|'|"/.test(key) &&
    !NOT_TEXT.test(key)
  );
}

/** `key: …` or `key:` at the start of a list item. */
function isMapLine(item: string): boolean {
  const colon = item.endsWith(':') && !item.includes(': ') ? item.length - 1 : item.indexOf(': ');
  return colon > 0 && !/^["'[{]/.test(item) && isKey(item.slice(0, colon));
}

function scalar(text: string): unknown {
  if (text.startsWith('"')) {
    const match = /^"([^"\\]*)"$/.exec(text);
    return match ? match[1] : bail();
  }
  if (text.startsWith("'")) {
    const match = /^'((?:[^']|'')*)'$/.exec(text);
    return match ? match[1]!.replace(/''/g, "'") : bail();
  }
  if (text.startsWith('[')) return flowList(text);
  if (text === '{}') return {};
  return plain(text);
}

function plain(text: string): unknown {
  if (INDICATOR.test(text) || /: |:$|#|\s$/.test(text)) bail();
  if (!NOT_TEXT.test(text)) return text;
  if (/^(?:~|null|Null|NULL)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[0-9]{1,15}$/.test(text)) return Number(text);
  return bail();
}

/** `[a, b]` of plain or double-quoted names. */
function flowList(text: string): unknown[] {
  const match = /^\[(.*)\]$/.exec(text);
  if (!match) return bail();
  if (isBlank(match[1]!)) return [];
  return match[1]!.split(',').map((raw) => {
    const item = trimSpaces(raw);
    if (item === '' || /[[\]{}:]/.test(item)) bail();
    const value = item.startsWith('"') ? scalar(item) : plain(item);
    return typeof value === 'string' ? value : bail();
  });
}
