import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS as ENTRIES } from '../../src/cli/index.js';
import { GitRepo, tempGitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';
import { runLogged } from '../helpers/loaded-modules.js';

const COMMANDS = readdirSync(path.join(REPO_ROOT, 'src/commands')).filter((name) => name !== 'shared');

/** A real git repository (the cache lives in .git/ledger/) holding the bundled ledger. */
function bundledLedgerRepo(): string {
  const { dir } = tempGitRepo();
  cpSync(path.join(REPO_ROOT, 'ledger'), path.join(dir, 'ledger'), { recursive: true });
  const past = new Date(Date.now() - 60_000);
  for (const name of readdirSync(path.join(dir, 'ledger'))) utimesSync(path.join(dir, 'ledger', name), past, past);
  return dir;
}

const gitPath = () => execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

/** status counts the month's reports with missing's gatherReportCounts: used, so allowed. */
const USED = new Set(['src/commands/missing/run.ts']);

const otherCommands = (sources: Set<string>, own?: string) =>
  [...sources].filter((s) => {
    if (own && USED.has(s)) return false;
    const command = /^src\/commands\/([^/]+)\//.exec(s)?.[1];
    return command !== undefined && command !== own && command !== 'shared' && COMMANDS.includes(command);
  });

const heavy = (sources: Set<string>) =>
  [...sources].filter((s) => /^node_modules\/(zod|yaml|exceljs|docx|echarts|@resvg\/resvg-js)$/.test(s));

describe('start-up: a command loads only what it uses (bundled dist)', () => {
  it('the command table names every command folder once, each by the name in its usage', async () => {
    expect(ENTRIES.map((e) => e.name).sort()).toEqual([...COMMANDS].sort());
    for (const entry of ENTRIES) expect((await entry.load()).usage.split(' ')[0]).toBe(entry.name);
  });

  it('status with a warm cache loads neither zod, yaml, exceljs nor other commands', () => {
    const dir = bundledLedgerRepo();
    // --worktree: a past --as-of now reads the ledger as committed that day (Git history), not the cached work tree.
    const cold = runLogged(['status', '--worktree', '--as-of', '2020-07-15'], dir);
    expect(cold.code).toBe(0);
    expect(existsSync(path.join(dir, '.git/ledger/ledger-cache.json'))).toBe(true);
    // The cold run parses the YAML: the same check sees zod and yaml there, so it can fail.
    expect(heavy(cold.sources)).toEqual(expect.arrayContaining(['node_modules/zod', 'node_modules/yaml']));

    const warm = runLogged(['status', '--worktree', '--as-of', '2020-07-15'], dir);
    expect(warm.code).toBe(0);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.sources).toContain('src/commands/status/run.ts');
    expect(warm.sources).toContain('src/io/ledger-cache.ts');
    expect(warm.sources).toContain('node_modules/commander');
    expect(heavy(warm.sources)).toEqual([]);
    expect(otherCommands(warm.sources, 'status')).toEqual([]);
    // Piped, without colour, chalk is not loaded at all.
    expect(warm.sources).not.toContain('node_modules/chalk');
    // The sources the read commands share come as one chunk (scripts/build.mjs: the prelude), not one file each
    // (47 files before); the cold run loads more (zod, yaml, the loader), so the bound can fail.
    expect(warm.distFiles.length).toBeLessThanOrEqual(12);
    expect(cold.distFiles.length).toBeGreaterThan(12);
  });

  it('status after touching a file without changing it loads no parser; after an edit it does', () => {
    const dir = bundledLedgerRepo();
    const args = ['status', '--worktree', '--as-of', '2020-07-15'];
    expect(runLogged(args, dir).code).toBe(0);
    const area = path.join(
      dir,
      'ledger',
      readdirSync(path.join(dir, 'ledger')).find((n) => n.startsWith('03-'))!,
    );
    const later = new Date(Date.now() - 30_000);
    utimesSync(area, later, later);
    const touched = runLogged(args, dir);
    expect(touched.code).toBe(0);
    expect(heavy(touched.sources)).toEqual([]);
    writeFileSync(area, readFileSync(area, 'utf8').replace('progress: ""', 'progress: 已启动'));
    const edited = runLogged(args, dir);
    expect(edited.code).toBe(0);
    expect(heavy(edited.sources)).toEqual(expect.arrayContaining(['node_modules/zod', 'node_modules/yaml']));
  });

  it('status loads chalk only when it prints colour', () => {
    const dir = bundledLedgerRepo();
    const args = ['status', '--worktree', '--as-of', '2020-07-15'];
    const plain = runLogged(args, dir);
    const colour = runLogged(args, dir, undefined, { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(colour.code).toBe(0);
    expect(colour.stdout).toMatch(/\x1b\[31/);
    expect(colour.sources).toContain('node_modules/chalk');
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    expect(plain.sources).not.toContain('node_modules/chalk');
  });

  it('status today on a committed ledger runs no git process while HEAD is unchanged', () => {
    const dir = bundledLedgerRepo();
    const repo = new GitRepo(dir);
    // Committed two months ago, so today's lights look back at the last month end (lights that remember).
    const then = new Date(Date.now() - 62 * 86_400_000).toISOString();
    repo.commit('导入台账', {}, { date: then });
    const shim = tempDir();
    const calls = path.join(shim, 'calls.txt');
    writeFileSync(path.join(shim, 'git'), `#!/bin/sh\necho "$@" >> ${calls}\nexec ${gitPath()} "$@"\n`, {
      mode: 0o755,
    });
    const env = { PATH: `${shim}:${process.env.PATH}` };
    const first = runCli(['status'], dir, env);
    expect(first.code).toBe(0);
    // The check can fail: the first run does list the history.
    expect(readFileSync(calls, 'utf8')).toContain('log --first-parent');
    rmSync(calls);
    const state = path.join(dir, '.git/ledger');
    const stamps = () => readdirSync(state).map((f) => `${f} ${statSync(path.join(state, f)).mtimeMs}`);
    const before = stamps();
    const warm = runCli(['status'], dir, env);
    expect(warm.stdout).toBe(first.stdout);
    expect(existsSync(calls)).toBe(false);
    // Nor does it write: every cache it reads was already up to date.
    expect(stamps()).toEqual(before);
    repo.commit('合并报送', { 'reports/.keep': '' });
    runCli(['status'], dir, env);
    expect(readFileSync(calls, 'utf8')).toContain('log --first-parent');
  });

  it('--version loads no command and not the loader (only finding the root, which every command needs)', () => {
    const run = runLogged(['--version'], REPO_ROOT);
    expect(run.code).toBe(0);
    expect(run.sources).toContain('src/cli.ts');
    expect(otherCommands(run.sources)).toEqual([]);
    const ours = [...run.sources].filter((s) => s.startsWith('src/io/') || s.startsWith('src/core/'));
    expect(ours).toEqual(['src/io/ledger-root.ts']);
    expect(heavy(run.sources)).toEqual([]);
  });

  it('--help lists every command, so it loads every command spec', () => {
    const run = runLogged(['--help'], REPO_ROOT);
    expect(run.code).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(otherCommands(run.sources).filter((s) => s.endsWith('/spec.ts')).length).toBe(COMMANDS.length);
  });
});
