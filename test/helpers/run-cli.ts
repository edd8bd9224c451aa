import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './ledger-fixture.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built bin/ledger in `cwd` without colour, as a user would (piped: no terminal width unless `env` sets COLUMNS). */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/ledger'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: undefined, ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
