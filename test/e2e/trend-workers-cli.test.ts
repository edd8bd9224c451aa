import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedHistoryRepo, type HistoryRepo } from '../helpers/history-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const gitPath = () => execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

/** `ledger trend` with its months split between worker threads (LEDGER_WORKERS) gives what one walk gives. */
describe('ledger trend in worker threads', () => {
  let history: HistoryRepo;
  let shim: string;
  // Each walk of history opens one `git cat-file --batch`: the main thread's, and one per worker.
  const trend = (workers: number, ...args: string[]) => {
    rmSync(path.join(shim, 'calls.txt'), { force: true });
    const run = runCli(['trend', '--as-of', '2020-10-31', ...args], history.repo.dir, {
      LEDGER_WORKERS: String(workers),
      PATH: `${shim}:${process.env.PATH}`,
    });
    const log = path.join(shim, 'calls.txt');
    const calls = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
    return { run, walks: calls.filter((call) => call.startsWith('cat-file --batch')).length };
  };
  beforeAll(async () => {
    history = await sharedHistoryRepo();
    shim = tempDir();
    const calls = path.join(shim, 'calls.txt');
    writeFileSync(path.join(shim, 'git'), `#!/bin/sh\necho "$@" >> ${calls}\nexec ${gitPath()} "$@"\n`, {
      mode: 0o755,
    });
  }, 120_000);
  afterAll(() => {
    history.remove();
    rmSync(shim, { recursive: true, force: true });
  });

  it('prints byte for byte what one walk prints, with the months split between workers', () => {
    for (const [args, workers] of [
      [['--format', 'json'], 3],
      [['--by', 'unit', '--format', 'json'], 2],
      [['--by', 'area'], 4],
    ] as const) {
      const one = trend(1, ...args);
      expect(one.run.code, one.run.stderr).toBe(0);
      expect(one.walks).toBe(1);
      const split = trend(workers, ...args);
      expect(split.walks, `${workers} ${args.join(' ')}`).toBe(1 + workers);
      expect(split.run, `${workers} ${args.join(' ')}`).toEqual(one.run);
    }
  });

  it("carries a worker's error back as the same message and exit code", () => {
    const one = trend(1, '--from', '2020-05', '--to', '2020-08').run;
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('台账还没有提交到仓库');
    expect(trend(2, '--from', '2020-05', '--to', '2020-08').run).toEqual(one);
  });
});
