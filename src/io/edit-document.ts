import { Document, isScalar, parseDocument, YAMLSeq, type Node } from 'yaml';
import type { YamlPath } from '../core/model/ledger.js';
import type { FieldChange } from '../core/reports/merge-plan.js';
import { styleMultiline } from '../core/model/yaml-style.js';
import { UsageError } from '../errors.js';

export const PRINT_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * The text with the changes applied to its yaml document: comments and key order kept. When every
 * change falls inside measure items (tasks[t].measures[m]), only those items are printed again and put
 * where they stand; the rest of the file keeps its bytes (a hand-made layout elsewhere stays as it was).
 * An item is printed alone only where yaml prints it, before the change, exactly as it stands in the
 * file; otherwise, and for any other change, the whole document is printed.
 */
export function editDocument(text: string, file: string, changes: readonly FieldChange[]): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = text.slice(bom.length);
  const document = parseDocument(source, { uniqueKeys: true });
  if (document.errors.length > 0)
    throw new UsageError(`${file} 无法解析，未作任何修改`, '先运行 ledger validate 修正它');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const items = changedItems(document, source, changes, eol);
  for (const change of changes) setField(document, change.path, change.after);
  if (items) return bom + spliceItems(source, items, eol);
  return bom + withEol(document.toString(PRINT_OPTIONS), eol);
}

/** A changed measure item and the span of the text it was printed from. */
interface ItemSpan {
  node: Node;
  start: number;
  end: number;
  indent: number;
}

/** The items the changes fall in, each where yaml prints it as the text has it; undefined otherwise. */
function changedItems(document: Document, source: string, changes: readonly FieldChange[], eol: string) {
  const spans = new Map<Node, ItemSpan>();
  for (const { path } of changes) {
    const node =
      path.length > 4 && path[0] === 'tasks' && path[2] === 'measures' && document.getIn(path.slice(0, 4), true);
    if (!isItemNode(node)) return undefined;
    if (spans.has(node)) continue;
    const span = itemSpan(node, source);
    if (!span || withEol(printItem(span), eol) !== source.slice(span.start, span.end)) return undefined;
    spans.set(node, span);
  }
  return [...spans.values()].sort((a, b) => a.start - b.start);
}

function isItemNode(node: unknown): node is Node {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray(node.range);
}

/**
 * The lines of an item: from the line of its dash to the last non-blank line of its value (comment
 * lines after it are yaml's trailing comment of the item: they stay where they are).
 */
function itemSpan(node: Node, source: string): ItemSpan | undefined {
  const [from, valueEnd] = node.range!;
  const start = source.lastIndexOf('\n', from - 1) + 1;
  const dash = /^( *)- +$/.exec(source.slice(start, from));
  if (!dash) return undefined;
  const lineEnd = source[valueEnd - 1] === '\n' ? valueEnd : source.indexOf('\n', valueEnd) + 1 || source.length;
  return { node, start, end: withoutBlankLines(source, from, lineEnd), indent: dash[1]!.length };
}

/** `end` moved back over the blank lines (spaces only) before it, not past `from`. */
function withoutBlankLines(source: string, from: number, end: number): number {
  for (;;) {
    const lineStart = source.lastIndexOf('\n', end - 2) + 1;
    if (lineStart <= from || !/^[ \r]*\n?$/.test(source.slice(lineStart, end))) return end;
    end = lineStart;
  }
}

/** The item alone as yaml prints it (without the comments and blank lines around it), at its indent. */
function printItem({ node, indent }: ItemSpan): string {
  const around = node as Node & { commentBefore?: string | null; spaceBefore?: boolean };
  const kept = { commentBefore: around.commentBefore, spaceBefore: around.spaceBefore, comment: around.comment };
  Object.assign(around, { commentBefore: undefined, spaceBefore: undefined, comment: undefined });
  try {
    const single = new Document();
    const seq = new YAMLSeq();
    seq.items.push(node);
    single.contents = seq;
    const pad = ' '.repeat(indent);
    return single
      .toString(PRINT_OPTIONS)
      .split('\n')
      .map((line) => (line === '' ? line : pad + line))
      .join('\n');
  } finally {
    Object.assign(around, kept);
  }
}

/** The text with each item's span replaced by the item as changed. */
function spliceItems(source: string, items: readonly ItemSpan[], eol: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const item of items) {
    parts.push(source.slice(at, item.start), withEol(printItem(item), eol));
    at = item.end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}

function withEol(text: string, eol: string): string {
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

function setField(document: Document, path: YamlPath, value: unknown): void {
  if (value !== null && typeof value === 'object') {
    const node = document.createNode(value) as Node;
    styleMultiline(node);
    document.setIn(path, node);
    return;
  }
  document.setIn(path, value);
  const node = document.getIn(path, true);
  // A changed text takes the plainest style that holds it (the old "" would otherwise stay quoted).
  if (isScalar(node) && typeof node.value === 'string')
    node.type = node.value.includes('\n') ? 'BLOCK_LITERAL' : undefined;
}
