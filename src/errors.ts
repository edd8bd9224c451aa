import type { Diagnostic } from './core/model/diagnostic.js';

/** A mistake in how the tool was called, or a file that cannot be read: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** What went wrong with git, for callers that treat a case as normal (an empty repository has no history). */
export type GitErrorKind =
  | 'no-git'
  | 'not-a-repository'
  | 'no-commits'
  | 'unknown-revision'
  | 'shallow'
  | 'before-first-commit'
  | 'no-ledger'
  | 'failed';

/** A git command failed: exit code 2. `stderr` is git's own (English) text, shown only with LEDGER_DEBUG=1. */
export class GitError extends Error {
  override name = 'GitError';
  constructor(
    message: string,
    readonly stderr = '',
    readonly hint?: string,
    readonly kind: GitErrorKind = 'failed',
  ) {
    super(message);
  }
}

/**
 * Errors in the ledger that stop a command which writes (see commands/shared/write-guard.ts):
 * nothing was written; the diagnostics name the files. Exit code 1, like any data problem.
 */
export class LedgerErrors extends Error {
  override name = 'LedgerErrors';
  constructor(
    readonly diagnostics: readonly Diagnostic[],
    /** What did not happen, e.g. 未写入任何文件. */
    readonly what: string,
  ) {
    super(`台账有错误，${what}`);
  }
}
