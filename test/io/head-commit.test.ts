import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeadCommit, UNBORN } from '../../src/io/head-commit.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('readHeadCommit: HEAD without running git', () => {
  it('reads a branch from its loose ref, then from packed-refs, and a detached HEAD', () => {
    const repo = tempGitRepo();
    expect(readHeadCommit(repo.dir)).toBe(UNBORN); // no commit yet
    repo.commit('一', { 'a.txt': '1' });
    const first = repo.git('rev-parse', 'HEAD').trim();
    expect(readHeadCommit(repo.dir)).toBe(first);
    repo.commit('二', { 'a.txt': '2' });
    repo.git('pack-refs', '--all');
    const second = repo.git('rev-parse', 'HEAD').trim();
    expect(readHeadCommit(repo.dir)).toBe(second);
    repo.git('checkout', '-q', '--detach', first);
    expect(readHeadCommit(repo.dir)).toBe(first);
  });

  it('reads a worktree’s HEAD from its own git dir and its branch from the common one', () => {
    const repo = tempGitRepo();
    const first = repo.commit('一', { 'a.txt': '1' });
    const worktree = path.join(tempDir(), 'wt');
    repo.git('worktree', 'add', '-q', worktree);
    expect(readHeadCommit(worktree)).toBe(first);
    const second = repo.commit('二', { 'a.txt': '2' });
    repo.git('-C', worktree, 'reset', '-q', '--hard', second);
    expect(readHeadCommit(worktree)).toBe(second);
    expect(readHeadCommit(repo.dir)).toBe(second);
  });

  it('gives up (so the caller asks git) on a folder without Git and a strange HEAD', () => {
    const repo = tempGitRepo();
    repo.commit('一', { 'a.txt': '1' });
    expect(readHeadCommit(tempDir())).toBeUndefined();
    writeFileSync(path.join(repo.dir, '.git/HEAD'), 'ref: refs/../../etc/passwd\n');
    expect(readHeadCommit(repo.dir)).toBeUndefined();
  });
});
