import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const HASH = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * The commit HEAD names, read from `.git` without running git: a detached hash, or a branch's ref
 * file or packed-refs line. Undefined whenever anything is unusual (a worktree's `.git` file, a
 * symbolic ref to a ref that is itself symbolic, no commit yet): the caller then asks git.
 * Used only as a cache key, so a wrong "undefined" costs a git process, never a wrong answer.
 */
export function readHeadCommit(root: string): string | undefined {
  const gitDir = path.join(root, '.git');
  try {
    if (!statSync(gitDir).isDirectory()) return undefined;
    const head = readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (HASH.test(head)) return head;
    const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
    if (!ref || ref.split('/').includes('..')) return undefined;
    return looseRef(gitDir, ref) ?? packedRef(gitDir, ref);
  } catch {
    return undefined;
  }
}

function looseRef(gitDir: string, ref: string): string | undefined {
  try {
    const value = readFileSync(path.join(gitDir, ref), 'utf8').trim();
    return HASH.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function packedRef(gitDir: string, ref: string): string | undefined {
  const packed = readFileSync(path.join(gitDir, 'packed-refs'), 'utf8');
  for (const line of packed.split('\n')) {
    const [hash, name] = line.split(' ');
    if (name === ref && hash && HASH.test(hash)) return hash;
  }
  return undefined;
}
