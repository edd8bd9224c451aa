/** A mistake in how the tool was called, or a file that cannot be read: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** A git command failed: exit code 2. */
export class GitError extends Error {
  override name = 'GitError';
  constructor(message: string, readonly stderr = '') {
    super(message);
  }
}
