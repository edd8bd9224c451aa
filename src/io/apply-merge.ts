import type { FileChanges } from '../core/reports/merge-plan.js';
import { editDocument } from './edit-document.js';
import { withWriteSession, writeRepoFiles, type RepoFileWrite, type WriteSession } from './repo-write.js';
import { UsageError } from '../errors.js';
import { formatBytes, insideRepo, MAX_REPO_FILE_BYTES, readRepoFile } from './repo-path.js';

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

/**
 * The largest a write may make a ledger file: half of what is read at all (MAX_REPO_FILE_BYTES), so
 * the ledger stays readable by every later command, with room to spare.
 */
export const MAX_LEDGER_FILE_BYTES = MAX_REPO_FILE_BYTES / 2;

/** The bound in force: tests lower it with LEDGER_TEST_MAX_LEDGER_FILE_BYTES (a 32 MB ledger is slow to build). */
function ledgerFileBound(env: NodeJS.ProcessEnv = process.env): number {
  const test = Number(env.LEDGER_TEST_MAX_LEDGER_FILE_BYTES);
  return Number.isInteger(test) && test > 0 ? Math.min(test, MAX_LEDGER_FILE_BYTES) : MAX_LEDGER_FILE_BYTES;
}

/** The file's text with the changes applied (pure apart from reading the file); refused past the bound. */
export function editYaml(root: string, file: string, changes: FileChanges['changes']): string {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readRepoFile(root, file));
  const edited = editDocument(text, file, changes);
  const size = Buffer.byteLength(edited);
  const bound = ledgerFileBound();
  if (size > bound)
    throw new UsageError(
      `写入后 ${file} 会有 ${formatBytes(size)}，超过台账文件的上限 ${formatBytes(bound)}；台账未作任何修改`,
      '检查报送中是否有异常长的文字或重复内容',
    );
  return edited;
}
