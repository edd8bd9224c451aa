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
export type GitErrorKind = 'no-git' | 'not-a-repository' | 'no-commits' | 'unknown-revision' | 'failed';

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
