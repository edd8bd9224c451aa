import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../src/io/write-journal.js';
import { AREAS, crashMerge, ledgerWithReports, MERGE } from '../helpers/crashed-repo.js';
import { GitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree, tempDir } from '../helpers/temp-dir.js';

/** Issue 23: the journal names paths inside the repository only, and a copy replays into itself. */

const STATUS = ['status', '--worktree', '--as-of', '2020-08-25'];

/** The tree a finished merge leaves. */
function mergedTree(): Record<string, string> {
  const reference = ledgerWithReports();
  expect(runCli(MERGE, reference.dir).code).toBe(0);
  return snapshotTree(reference.dir);
}

/** `cp -a`: a copy of the repository as it is on disk, journal and all. */
function copyOf(repo: GitRepo): GitRepo {
  const copy = path.join(tempDir(), 'copy');
  execFileSync('cp', ['-a', repo.dir, copy]);
  return new GitRepo(copy);
}

function writeJournal(repo: GitRepo, journal: unknown, temporaries: Record<string, string> = {}): string {
  const folder = tempFolder(repo.dir);
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(temporaries)) writeFileSync(path.join(folder, name), text);
  const file = path.join(folder, 'journal.json');
  writeFileSync(file, JSON.stringify(journal));
  return file;
}

function expectRefused(repo: GitRepo, journal: string): void {
  const before = snapshotTree(repo.dir);
  const run = runCli(['status'], repo.dir);
  expect(run.code, run.stdout).toBe(2);
  expect(run.stderr).toContain(`错误：拒绝执行中断写入的日志 ${journal}：`);
  expect(run.stderr).toContain('未按它改动任何文件');
  expect(run.stderr).toContain(`删除它：rm -r "${journal}"`);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(snapshotTree(repo.dir)).toEqual(before);
  expect(lstatSync(journal, { throwIfNoEntry: false })).toBeDefined();
}

describe('the journal stores paths relative to the repository', { timeout: 300_000 }, () => {
  it('a cp -a copy of a crashed repository replays into the copy only', () => {
    const after = mergedTree();
    const repo = ledgerWithReports();
    expect(crashMerge(repo, 2)).toBe(-1);
    const midway = snapshotTree(repo.dir);
    const journal = JSON.parse(readFileSync(path.join(tempFolder(repo.dir), 'journal.json'), 'utf8'));
    expect(journal.format).toBe(2);
    expect(journal.renames[0].to).toMatch(/^ledger\/0\d-指标\d\.yaml$/);
    expect(journal.renames[0].from).toMatch(/^\d+-0\.new$/);
    const copy = copyOf(repo);
    expect(runCli(STATUS, copy.dir).code).toBe(0);
    expect(snapshotTree(copy.dir)).toEqual(after);
    expect(snapshotTree(repo.dir)).toEqual(midway);
    expect(runCli(STATUS, repo.dir).code).toBe(0);
    expect(snapshotTree(repo.dir)).toEqual(after);
  });

  it('a hand-made journal naming a file outside the repository is refused, and nothing is removed', () => {
    const repo = ledgerWithReports();
    const victim = path.join(tempDir({ 'victim.txt': '别删我' }), 'victim.txt');
    const relative = path.relative(repo.dir, victim);
    for (const removes of [[victim], [relative]]) {
      const journal = writeJournal(repo, { format: 2, renames: [], removes });
      expectRefused(repo, journal);
      expect(readFileSync(victim, 'utf8')).toBe('别删我');
    }
  });

  it('a path through a linked folder, into .git, or a journal that is not a file is refused', () => {
    const repo = ledgerWithReports();
    const outside = tempDir();
    symlinkSync(outside, path.join(repo.dir, 'linked'));
    const rename = (to: string) => ({ format: 2, renames: [{ from: '1-0.new', to }], removes: [] });
    for (const to of ['linked/x.yaml', '.git/hooks/pre-commit', 'ledger/../../x.yaml']) {
      const journal = writeJournal(repo, rename(to), { '1-0.new': 'echo 被执行' });
      expectRefused(repo, journal);
    }
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(path.join(repo.dir, '.git/hooks/pre-commit'))).toBe(false);
    const folder = tempFolder(repo.dir);
    execFileSync('rm', ['-r', folder]);
    mkdirSync(path.join(folder, 'journal.json'), { recursive: true });
    expectRefused(repo, path.join(folder, 'journal.json'));
    execFileSync('rm', ['-r', folder]);
    mkdirSync(folder);
    symlinkSync(path.join(outside, 'nowhere.json'), path.join(folder, 'journal.json'));
    expectRefused(repo, path.join(folder, 'journal.json'));
  });
});

/** The previous version's journal: absolute paths, in <git-dir>/ledger-tmp/. */
function legacyCrash(repo: GitRepo): { folder: string; changed: string[] } {
  const folder = path.join(repo.dir, '.git/ledger-tmp');
  mkdirSync(folder);
  const merged = mergedTree();
  const renames = AREAS.map((a, i) => {
    const from = path.join(folder, `4242-${i}.new`);
    writeFileSync(from, Buffer.from(merged[a.file]!, 'base64'));
    return { from, to: path.join(repo.dir, ...a.file.split('/')) };
  });
  writeFileSync(path.join(folder, 'journal.json'), JSON.stringify({ renames, removes: [] }));
  return { folder, changed: AREAS.map((a) => a.file) };
}

describe('a journal of the previous version', { timeout: 300_000 }, () => {
  it('is replayed when all it names lies inside this repository', () => {
    const repo = ledgerWithReports();
    const { folder, changed } = legacyCrash(repo);
    const run = runCli(STATUS, repo.dir);
    expect(run.code, run.stderr).toBe(0);
    const merged = mergedTree();
    const now = snapshotTree(repo.dir);
    for (const file of changed) expect(now[file]).toBe(merged[file]);
    expect(existsSync(folder)).toBe(false);
  });

  it('in a cp -a copy it names the original: refused, and neither repository changes', () => {
    const repo = ledgerWithReports();
    const { folder } = legacyCrash(repo);
    const original = snapshotTree(repo.dir);
    const copy = copyOf(repo);
    const journal = path.join(copy.dir, '.git/ledger-tmp/journal.json');
    expectRefused(copy, journal);
    expect(runCli(['status'], copy.dir).stderr).toContain('在原仓库中运行任一 ledger 命令');
    expect(snapshotTree(repo.dir)).toEqual(original);
    expect(existsSync(path.join(folder, 'journal.json'))).toBe(true);
  });
});
