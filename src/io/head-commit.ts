import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const HASH = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** A branch with no commit yet (a fresh `git init`): HEAD names a ref that exists nowhere. */
export const UNBORN = 'unborn';

/**
 * The commit HEAD names, read from `.git` without running git: a detached hash, or a branch's ref
 * file or packed-refs line; UNBORN when the branch has no commit. Undefined whenever anything is
 * unusual (a worktree's `.git` file, a ref that is itself symbolic): the caller then asks git.
 * Used only as a cache key, so a wrong "undefined" costs a git process, never a wrong answer.
 */
export function readHeadCommit(root: string): string | undefined {
  const gitDir = path.join(root, '.git');
  try {
    // A reftable repository keeps its refs in a binary table: ask git.
    if (!statSync(gitDir).isDirectory() || statSync(path.join(gitDir, 'reftable'), { throwIfNoEntry: false }))
      return undefined;
    const head = readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (HASH.test(head)) return head;
    const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
    if (!ref || ref.split('/').includes('..')) return undefined;
    const loose = readIfExists(path.join(gitDir, ref));
    if (loose !== null) return HASH.test(loose.trim()) ? loose.trim() : undefined;
    const packed = readIfExists(path.join(gitDir, 'packed-refs'));
    return packed === null ? UNBORN : packedRef(packed, ref);
  } catch {
    return undefined;
  }
}

/** The file's text, or null when it does not exist (other errors throw). */
function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function packedRef(packed: string, ref: string): string {
  for (const line of packed.split('\n')) {
    const [hash, name] = line.split(' ');
    if (name === ref && hash && HASH.test(hash)) return hash;
  }
  return UNBORN;
}
