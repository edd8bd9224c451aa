import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stateDir } from '../../src/io/state-dir.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { REPO_ROOT, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Issue 23: lock, journal and caches in one folder under the git dir, a worktree's own included. */

const CACHES = ['ledger-cache.json', 'lights-cache.json'];

function bundledRepo() {
  const repo = tempGitRepo();
  cpSync(path.join(REPO_ROOT, 'ledger'), path.join(repo.dir, 'ledger'), { recursive: true });
  repo.commit('导入台账', {}, { date: new Date(Date.now() - 62 * 86_400_000).toISOString() });
  return repo;
}

describe('the state folder', { timeout: 300_000 }, () => {
  it('a git worktree add checkout keeps its own caches in its own git dir, and its status works', () => {
    const repo = bundledRepo();
    const main = runCli(['status'], repo.dir);
    expect(main.code, main.stderr).not.toBe(2);
    expect(readdirSync(path.join(repo.dir, '.git/ledger')).sort()).toEqual(CACHES);
    const worktree = path.join(tempDir(), '副本');
    repo.git('worktree', 'add', '-q', worktree);
    const own = path.join(repo.dir, '.git/worktrees/副本/ledger');
    expect(stateDir(worktree)).toEqual({ dir: own, inGit: true });
    const first = runCli(['status'], worktree);
    expect(first.code).toBe(main.code);
    expect(first.stdout).toBe(main.stdout);
    expect(readdirSync(own).sort()).toEqual(CACHES);
    expect(runCli(['status'], worktree).stdout).toBe(main.stdout);
    expect(existsSync(path.join(worktree, '.ledger'))).toBe(false);
  });

  it('a copied worktree checkout (its git dir names another folder) keeps its state at its root instead', () => {
    const repo = bundledRepo();
    const worktree = path.join(tempDir(), 'wt');
    repo.git('worktree', 'add', '-q', worktree);
    const copy = path.join(tempDir(), 'copy');
    cpSync(worktree, copy, { recursive: true });
    expect(stateDir(copy)).toEqual({ dir: path.join(copy, '.ledger'), inGit: false });
  });

  it('caches of the previous layout are ignored and left alone', () => {
    const repo = bundledRepo();
    for (const old of ['ledger-cache.json', 'ledger-lights-cache.json'])
      writeFileSync(path.join(repo.dir, '.git', old), '{"key":"1 old","stats":{},"parses":{}}');
    expect(runCli(['status'], repo.dir).code).not.toBe(2);
    expect(readFileSync(path.join(repo.dir, '.git/ledger-cache.json'), 'utf8')).toContain('1 old');
    expect(existsSync(path.join(repo.dir, '.git/ledger/ledger-cache.json'))).toBe(true);
  });

  it('outside Git a write leaves no state folder behind and keeps no cache', () => {
    const root = tempDir({
      'ledger/units.yaml': readFileSync(path.join(REPO_ROOT, 'ledger/units.yaml'), 'utf8'),
      [AREA_FILE]: SMALL_AREA,
      'reports/2020-07/市审批局.yaml': reportYaml('市审批局', '2020-07', entry('1.1.2', '推进中', '七月进展')),
    });
    const run = runCli(['merge', 'reports/2020-07', '--as-of', '2020-08-25'], root);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(root, AREA_FILE), 'utf8')).toContain('七月进展');
    expect(readdirSync(root).sort()).toEqual(['ledger', 'reports']);
  });
});
