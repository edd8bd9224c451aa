import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { gitBlobId } from './blob-id.js';
import type { TreeFile } from './git.js';
import { LEDGER_DIR } from './ledger-root.js';
import {
  isRefusedGitMode,
  linkProblem,
  MAX_REPO_FILE_BYTES,
  readRegularFile,
  readRepoFile,
  repoFolder,
} from './repo-path.js';

/**
 * The first step of loading: the files of a ledger, from the work tree or from one Git revision,
 * behind one interface. The second step (parseLedger) never asks where they came from.
 */
export interface LedgerFiles {
  /** The ledger root the paths are relative to. */
  readonly root: string;
  /** Where the files come from. */
  readonly origin: FilesOrigin;
  /** Names of the files directly in ledger/ (any kind), sorted; undefined when there is no ledger/ folder. */
  ledgerNames(): string[] | undefined;
  /** Whether a file exists (path relative to the root, forward slashes). */
  has(file: string): boolean;
  /** A file's bytes; a UsageError when it cannot be read. */
  read(file: string): Uint8Array;
  /** Why a file may not be read (it is a symbolic link, see repo-path.ts), or undefined. */
  refused(file: string): string | undefined;
  /** What identifies the file's content (its blob id in Git), when known: parses are memoised on it. */
  contentId(file: string): string | undefined;
}

export type FilesOrigin = { kind: 'worktree' } | { kind: 'revision'; commit: string };

/**
 * The ledger in the work tree: files are read when asked for. A file's content id is its Git blob id,
 * taken from `knownId` (the ledger cache's record of files unchanged since it hashed them) or hashed
 * from the bytes; a file that may not be read (a link) has none.
 */
export function readWorkTree(root: string, knownId?: (file: string) => string | undefined): LedgerFiles {
  const ids = new Map<string, string | undefined>();
  const contentId = (file: string): string | undefined => {
    if (linkProblem(root, file)) return undefined;
    try {
      return knownId?.(file) ?? gitBlobId(readRepoFile(root, file));
    } catch {
      return undefined;
    }
  };
  return {
    root,
    origin: { kind: 'worktree' },
    ledgerNames() {
      if (repoFolder(root, LEDGER_DIR) === 'absent') return undefined;
      return readdirSync(path.join(root, LEDGER_DIR)).sort();
    },
    has: (file) => lstatQuiet(path.join(root, file)),
    read: (file) => readRepoFile(root, file),
    refused: (file) => linkProblem(root, file),
    contentId(file) {
      if (!ids.has(file)) ids.set(file, contentId(file));
      return ids.get(file);
    },
  };
}

/** A file given on the command line (it may be anywhere): a regular file of bounded size. */
export function readBytes(absolute: string, maxBytes = MAX_REPO_FILE_BYTES): Uint8Array {
  return readRegularFile(absolute, absolute, maxBytes);
}

function lstatQuiet(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Files held in memory (read out of Git beforehand), keyed by path relative to the root. */
export function filesInMemory(
  root: string,
  commit: string,
  entries: readonly TreeFile[],
  bodies: ReadonlyMap<string, Uint8Array>,
): LedgerFiles {
  const byFile = new Map(entries.map((entry) => [entry.file, entry]));
  return {
    root,
    origin: { kind: 'revision', commit },
    ledgerNames() {
      const names = entries
        .filter((e) => e.file.startsWith(`${LEDGER_DIR}/`))
        .map((e) => e.file.slice(LEDGER_DIR.length + 1))
        .filter((name) => !name.includes('/'));
      return names.length > 0 ? names.sort() : undefined;
    },
    has: (file) => byFile.has(file),
    read(file) {
      const entry = byFile.get(file);
      const body = entry && bodies.get(entry.blob);
      if (!body) throw new UsageError(`版本 ${commit.slice(0, 7)} 中没有文件 ${file}`);
      return body;
    },
    refused: (file) => {
      const mode = byFile.get(file)?.mode ?? '';
      if (!isRefusedGitMode(mode)) return undefined;
      return `${file} 在 Git 中是${mode === '160000' ? '子模块' : '符号链接'}`;
    },
    contentId: (file) => byFile.get(file)?.blob,
  };
}
