import { isScalar, parseDocument, type Document, type Node } from 'yaml';
import type { YamlPath } from '../core/ledger.js';
import type { FileChanges } from '../core/merge-plan.js';
import { styleMultiline } from '../core/yaml-style.js';
import { UsageError } from '../errors.js';
import { withWriteSession, writeRepoFiles, type RepoFileWrite, type WriteSession } from './repo-write.js';
import { insideRepo, readRepoFile } from './repo-path.js';
import { PRINT_OPTIONS, spliceMeasureEdits, type MeasureFieldEdit } from './measure-splice.js';

/** A whole file to write besides the ledger edits, e.g. a merged report stored under reports/. */
export interface ExtraWrite {
  /** Relative to the root, forward slashes. */
  file: string;
  content: string | Uint8Array;
}

/**
 * Applies a merge plan to the ledger's YAML documents, keeping comments and key
 * order, and writes every changed file at once: temp files first, then renames.
 * Either all files change or none does.
 */
export function applyMerge(
  root: string,
  files: readonly FileChanges[],
  extra: readonly ExtraWrite[] = [],
  session?: WriteSession,
): string[] {
  if (!session) return withWriteSession(root, 'ledger merge', (opened) => applyMerge(root, files, extra, opened));
  // Each file's new text is made when it is written: at 100,000 measures all of them at once would be a fifth of the heap.
  const writes: RepoFileWrite[] = files.map(({ file, changes }) => ({
    path: insideRepo(root, file, 'write'),
    content: () => editYaml(root, file, changes),
  }));
  for (const write of extra) writes.push({ path: insideRepo(root, write.file, 'write'), content: write.content });
  if (writes.length > 0) writeRepoFiles(session, writes, [], '台账未作任何修改');
  return [...files.map((f) => f.file), ...extra.map((e) => e.file)];
}

/** The file's text with the changes applied (pure apart from reading the file). */
export function editYaml(root: string, file: string, changes: FileChanges['changes']): string {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readRepoFile(root, file));
  return editYamlText(text, file, changes);
}

/**
 * The text with the changes applied: when every change names its measure (merge does), only those
 * measures' changed fields are parsed and printed again (measure-splice.ts); otherwise, or when the
 * file's layout around them is unusual, the whole document is.
 */
export function editYamlText(text: string, file: string, changes: FileChanges['changes']): string {
  return spliceChanges(text, changes) ?? editDocument(text, file, changes);
}

/** The changed measures' fields edited in place; undefined when that cannot be done safely. */
export function spliceChanges(text: string, changes: FileChanges['changes']): string | undefined {
  const edits = byMeasure(changes);
  return edits && spliceMeasureEdits(text, edits, setField);
}

/** The changes grouped by measure id, or undefined when one does not name its measure. */
function byMeasure(changes: FileChanges['changes']): Map<string, MeasureFieldEdit[]> | undefined {
  const edits = new Map<string, MeasureFieldEdit[]>();
  for (const change of changes) {
    if (!change.inMeasure) return undefined;
    const list = edits.get(change.inMeasure.id) ?? [];
    list.push({ path: change.inMeasure.path, after: change.after });
    edits.set(change.inMeasure.id, list);
  }
  return edits;
}

/** The whole document parsed, changed and printed again (comments and key order kept). */
export function editDocument(text: string, file: string, changes: FileChanges['changes']): string {
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { uniqueKeys: true });
  if (document.errors.length > 0)
    throw new UsageError(`${file} 无法解析，未作任何修改`, '先运行 ledger validate 修正它');
  for (const change of changes) setField(document, change.path, change.after);
  const out = document.toString(PRINT_OPTIONS);
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  return bom + (text.includes('\r\n') ? out.replace(/\n/g, '\r\n') : out);
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
