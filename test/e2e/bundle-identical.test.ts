import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';
import type { CliRun } from '../helpers/run-cli.js';
import { runCliBatch } from '../helpers/run-cli-batch.js';

/**
 * The bundle (npm run build, dist/) against a file-by-file tsc build of the same sources,
 * installed side by side as the tool would be (bin/, dist/, package.json, templates/): every
 * command prints the same bytes and exits with the same code on the bundled ledger.
 */
let pkg = '';
let tscBin = '';
afterAll(() => rmSync(pkg, { recursive: true, force: true }));
beforeAll(() => {
  pkg = mkdtempSync(path.join(os.tmpdir(), 'ledger-tsc-build-'));
  execFileSync(process.execPath, [
    path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'),
    '-p',
    path.join(REPO_ROOT, 'tsconfig.build.json'),
    '--outDir',
    path.join(pkg, 'dist'),
    // Emit only: the same files as with type checking (isolatedModules), which `npm test` does on its own (tsc --noEmit).
    '--noCheck',
  ]);
  mkdirSync(path.join(pkg, 'bin'));
  copyFileSync(path.join(REPO_ROOT, 'bin/ledger'), path.join(pkg, 'bin/ledger'));
  copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(pkg, 'package.json'));
  cpSync(path.join(REPO_ROOT, 'templates'), path.join(pkg, 'templates'), { recursive: true });
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
  tscBin = path.join(pkg, 'bin/ledger');
}, 240_000);

function run(bin: string, args: readonly string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder (not a git repository) holding a copy of the bundled ledger. */
function bundledLedgerCopy(): string {
  const cwd = tempDir();
  cpSync(path.join(REPO_ROOT, 'ledger'), path.join(cwd, 'ledger'), { recursive: true });
  return cwd;
}

const RUNS: string[][] = [
  ['status', '--as-of', '2020-07-15'],
  ['status', '--by', 'unit', '--as-of', '2020-07-15'],
  ['status', '--unit', '市税务局', '--as-of', '2020-09-01', '--format', 'json'],
  ['overdue', '--as-of', '2020-08-15', '--within', '30'],
  ['overdue', '--as-of', '2020-08-15', '--format', 'json'],
  ['show', '1.1.1', '--as-of', '2020-07-15'],
  ['render', '--format', 'md', '--out', '-', '--as-of', '2020-07-15'],
  ['summary', '--month', '2020-07', '--format', 'md', '--out', '-', '--as-of', '2020-07-25'],
  ['--version'],
  ['--help'],
  ['status', '--help'],
  ['no-such-command'],
];

describe('the bundled dist prints what the file-by-file build prints', () => {
  // Each build runs the whole list in one process of its own (runCliBatch: main() of its dist/cli.js
  // once per run); the first test runs both bin/ledger for real.
  let bundled: CliRun[] = [];
  let compiled: CliRun[] = [];
  beforeAll(async () => {
    const runs = RUNS.map((args) => ({ args }));
    [bundled, compiled] = await Promise.all([
      runCliBatch(runs, bundledLedgerCopy(), path.join(REPO_ROOT, 'dist/cli.js')),
      runCliBatch(runs, bundledLedgerCopy(), path.join(pkg, 'dist/cli.js')),
    ]);
  }, 240_000);

  it('bin/ledger of each, as installed, prints the same', () => {
    const cwd = bundledLedgerCopy();
    const args = RUNS[0]!;
    const fromBundle = run(path.join(REPO_ROOT, 'bin/ledger'), args, cwd);
    const fromTsc = run(tscBin, args, cwd);
    expect(fromTsc.code).toBe(0);
    expect(fromTsc.stdout.length).toBeGreaterThan(0);
    expect(fromBundle).toEqual(fromTsc);
  });

  it.each(RUNS.map((args, i) => [args.join(' '), i] as const))('ledger %s', (_name, i) => {
    expect(compiled[i]!.stdout.length + compiled[i]!.stderr.length).toBeGreaterThan(0);
    expect(bundled[i]).toEqual(compiled[i]);
  });
});
