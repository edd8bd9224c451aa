import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { fileDiagnostic, type Diagnostic, type SourcePosition } from '../core/model/diagnostic.js';
import type { Locator, YamlPath } from '../core/model/ledger.js';
import { detachStrings } from './detach-strings.js';
import { ItemMemo } from './item-memo.js';
import type { ItemStore } from './item-store.js';
import { textCutByComments } from './yaml-comments.js';
import { yamlErrorDiagnostics } from './yaml-errors.js';
import { growHeapGently } from './heap.js';

growHeapGently();

export interface YamlSource {
  file: string;
  /** The plain data, or undefined when the file could not be parsed. */
  value: unknown;
  document?: Document;
  locate: Locator;
}

export interface ParsedYaml {
  source: YamlSource;
  /** Errors: the file could not be read as YAML. */
  diagnostics: Diagnostic[];
  /** Problems that do not stop the file from being used, such as text cut short by a comment. */
  warnings: Diagnostic[];
}

export interface ParseOptions {
  /** The file never carries trailing comments, so any comment after a text is suspicious (area files). */
  strictComments?: boolean;
  /** Parses an area file per measure item, memoised (history: versions differ in a few items). */
  items?: ItemMemo;
}

/** Aliases a file may expand before it counts as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/** An item memo for area files that stands in for this module's whole-file parse (same yaml options). */
export function areaItemMemo(store?: ItemStore): ItemMemo {
  return new ItemMemo({ uniqueKeys: true, maxAliasCount: MAX_ALIAS_COUNT }, store);
}

/** Decodes and parses one YAML file's bytes. Never throws on bad data; never touches disk. */
export function parseYamlSource(bytes: Uint8Array, file: string, options: ParseOptions = {}): ParsedYaml {
  const decoded = decodeUtf8(bytes, file);
  if ('diagnostic' in decoded) return failed(file, [decoded.diagnostic]);
  const value = options.items?.parse(decoded.text);
  if (value !== undefined)
    return { source: { file, value, locate: lazyLocator(file, bytes) }, diagnostics: [], warnings: [] };
  const document = parseDocument(decoded.text, { prettyErrors: true, uniqueKeys: true });
  const locate = lazyLocator(file, bytes);
  const diagnostics = yamlErrorDiagnostics(file, document.errors);
  if (diagnostics.length > 0) return failed(file, diagnostics, locate);
  if (document.contents === null || isEmptyScalar(document.contents)) {
    return failed(
      file,
      [
        fileDiagnostic(file, {
          code: 'yaml/empty',
          message: '文件为空',
          hint: '删除这个文件，或填入内容（参考 README 中的文件格式示例）',
        }),
      ],
      locate,
    );
  }
  try {
    const value = detachStrings(document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    const warnings = textCutByComments(document, decoded.text, file, options.strictComments ?? false);
    return { source: { file, value, document, locate }, diagnostics: [], warnings };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/alias/i.test(message)) throw error;
    return failed(
      file,
      [
        {
          ...fileDiagnostic(file, {
            code: 'yaml/alias-bomb',
            message: `YAML 别名展开过多（超过 ${MAX_ALIAS_COUNT} 次），疑似“别名炸弹”，已拒绝读取`,
            hint: '不要在台账文件中使用 YAML 别名（&name / *name），直接写出内容',
          }),
          line: 1,
          col: 1,
        },
      ],
      locate,
    );
  }
}

/**
 * Positions are needed only when something is wrong, so the locator re-parses on first use instead
 * of keeping every file's Document alive (at 100,000 measures that is most of the memory). It keeps
 * the bytes, not the decoded text: UTF-8 outside the JS heap is smaller than a UTF-16 string inside it.
 */
function lazyLocator(file: string, bytes: Uint8Array): Locator {
  let parsed: { document: Document; lineCounter: LineCounter } | undefined;
  return (path, target) => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      const decoded = decodeUtf8(bytes, file);
      const text = 'text' in decoded ? decoded.text : '';
      parsed = { document: parseDocument(text, { lineCounter, uniqueKeys: true }), lineCounter };
    }
    const { document, lineCounter } = parsed;
    return locateNode(document, path, target, (offset) => ({ file, ...lineCounter.linePos(offset) }));
  };
}

function failed(file: string, diagnostics: Diagnostic[], locate?: Locator): ParsedYaml {
  const fallback: Locator = () => ({ file, line: 1, col: 1 });
  return { source: { file, value: undefined, locate: locate ?? fallback }, diagnostics, warnings: [] };
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && (node.value === null || node.value === '');
}

function decodeUtf8(bytes: Uint8Array, file: string): { text: string } | { diagnostic: Diagnostic } {
  if (looksLikeUtf16(bytes)) {
    return {
      diagnostic: {
        ...fileDiagnostic(file, {
          code: 'file/not-utf8',
          message: '文件是 UTF-16 编码（Windows 记事本的“Unicode”），台账只接受 UTF-8',
          hint: `用编辑器“另存为 UTF-8”，或运行：iconv -f UTF-16 -t UTF-8 '${file}' -o '${file}.utf8' && mv '${file}.utf8' '${file}'`,
        }),
        line: 1,
        col: 1,
      },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { diagnostic: nulDiagnostic(bytes, nul, file) };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    const offset = firstInvalidUtf8(body);
    const before = new TextDecoder('utf-8').decode(body.subarray(0, offset));
    const lines = before.split('\n');
    return {
      diagnostic: {
        code: 'file/not-utf8',
        severity: 'error',
        file,
        line: lines.length,
        col: [...lines[lines.length - 1]!].length + 1,
        message: '文件不是 UTF-8 编码（可能是用 GBK/GB18030 保存的），台账只接受 UTF-8',
        hint: `用编辑器“另存为 UTF-8”，或运行：iconv -f GB18030 -t UTF-8 '${file}' -o '${file}.utf8' && mv '${file}.utf8' '${file}'`,
      },
    };
  }
}

/** A UTF-16 byte order mark, or (without one) every other byte of the start being NUL. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 1024);
  if (sample.length < 4) return false;
  let even = 0;
  let odd = 0;
  sample.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  });
  return Math.max(even, odd) >= sample.length / 4;
}

/** A NUL byte is never text: a binary file, or one damaged in transfer. */
function nulDiagnostic(bytes: Uint8Array, offset: number, file: string): Diagnostic {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split('\n');
  return {
    code: 'file/nul-byte',
    severity: 'error',
    file,
    line: lines.length,
    col: [...lines[lines.length - 1]!].length + 1,
    message: '文件中有 NUL 字节（\\x00），不是文本文件或已损坏，拒绝读取',
    hint: '用文本编辑器检查这一处并删除它，或从 Git 中恢复这个文件：git checkout -- 文件名',
  };
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}

function locateNode(
  document: Document,
  path: YamlPath,
  target: 'key' | 'value' | undefined,
  at: (offset: number) => SourcePosition,
): SourcePosition {
  let node: unknown = document.contents;
  let keyNode: Node | undefined;
  for (const step of path) {
    const next = childOf(node, step);
    if (!next) break;
    node = next.value ?? next.key ?? node;
    keyNode = next.key;
    if (!next.value) break;
  }
  const chosen = target === 'key' && keyNode ? keyNode : (node as Node | null);
  const offset = chosen?.range?.[0] ?? 0;
  return at(offset);
}

function childOf(node: unknown, step: string | number): { key?: Node; value?: Node } | undefined {
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step),
    );
    if (!pair) return undefined;
    return { key: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined };
  }
  if (isSeq(node) && typeof step === 'number') {
    const item = node.items[step];
    return item ? { value: item as Node } : undefined;
  }
  return undefined;
}
