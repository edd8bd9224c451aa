import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './ledger-fixture.js';
import { runCli, type CliRun } from './run-cli.js';

export interface BatchRun {
  args: readonly string[];
  /** Added to the environment for this run only (as runCli's `env`). */
  env?: Record<string, string>;
}

/**
 * Runs the built CLI (dist/cli.js, what bin/ledger runs) once per entry of `runs`, one after the other
 * in one Node process in `cwd`, with runCli's environment: for checks that ask many runs the same
 * question (one view at many widths), where a process each would mostly pay Node's start-up. Exit
 * code, stdout and stderr come back per run as from runCli; what is about the process itself (exit
 * status, signals, a broken pipe) keeps using runCli. Asynchronous, so that a long batch in a hook does
 * not stop the test worker from answering vitest.
 */
export function runCliBatch(
  runs: readonly BatchRun[],
  cwd: string,
  /** The CLI module exporting main(), relative to the repository or absolute. */
  cli = 'dist/cli.js',
): Promise<CliRun[]> {
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'test/helpers/cli-batch.mjs'), path.resolve(REPO_ROOT, cli)],
    {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: undefined },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.end(JSON.stringify(runs));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      const err = Buffer.concat(stderr).toString('utf8');
      if (status !== 0) return reject(new Error(`cli-batch stopped with ${status}: ${err}`));
      const out = JSON.parse(Buffer.concat(stdout).toString('utf8')) as CliRun[];
      if (out.length !== runs.length)
        return reject(new Error(`cli-batch: ${out.length} results for ${runs.length} runs`));
      resolve(out);
    });
  });
}

/**
 * A cli(...args) for a fixture the tests only read: the argument lists in `queries` are run up front in
 * one batch process (runCliBatch) and their results handed out when asked for (the same lists give the
 * same answers on an unchanged repository); any other call spawns the CLI as runCli does.
 * Commands that write into the repository, or whose point is the process itself, belong outside `queries`.
 */
export async function prefetchCli(
  dir: string,
  queries: readonly (readonly string[])[],
): Promise<(...args: string[]) => CliRun> {
  const results = await runCliBatch(
    queries.map((args) => ({ args })),
    dir,
  );
  const known = new Map(queries.map((args, i) => [JSON.stringify(args), results[i]!]));
  return (...args: string[]) => known.get(JSON.stringify(args)) ?? runCli(args, dir);
}
