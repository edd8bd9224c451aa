import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gitDirOf } from './state-dir.js';

const HASH = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** A branch with no commit yet (a fresh `git init`): HEAD names a ref that exists nowhere. */
export const UNBORN = 'unborn';

/**
 * The commit HEAD names, read from the git dir (state-dir.ts finds it, also for a worktree's `.git`
 * file) without running git: a detached hash, or a branch's ref file or packed-refs line in the
 * common git dir; UNBORN when the branch has no commit. Undefined whenever anything is unusual (a
 * ref that is itself symbolic, reftable): the caller then asks git. Used only as a cache key, so a
 * wrong "undefined" costs a git process, never a wrong answer.
 */
export function readHeadCommit(root: string): string | undefined {
  const gitDir = gitDirOf(root);
  if (!gitDir) return undefined;
  try {
    const common = commonDir(gitDir);
    // A reftable repository keeps its refs in a binary table: ask git.
    if (statSync(path.join(common, 'reftable'), { throwIfNoEntry: false })) return undefined;
    const head = readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (HASH.test(head)) return head;
    const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
    if (!ref || ref.split('/').includes('..')) return undefined;
    const loose = readIfExists(path.join(common, ref));
    if (loose !== null) return HASH.test(loose.trim()) ? loose.trim() : undefined;
    const packed = readIfExists(path.join(common, 'packed-refs'));
    return packed === null ? UNBORN : packedRef(packed, ref);
  } catch {
    return undefined;
  }
}

/** Where a worktree's branches are: the folder its `commondir` file names, else the git dir itself. */
function commonDir(gitDir: string): string {
  const common = readIfExists(path.join(gitDir, 'commondir'));
  return common === null ? gitDir : path.resolve(gitDir, common.trim());
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
