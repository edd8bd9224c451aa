import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

export interface SharedFixture<T> {
  /** A copy of the built folder that the caller owns (and removes). */
  dir: string;
  /** What the build returned (JSON). */
  data: T;
}

/**
 * A fixture built once per test run and copied into a fresh folder for each caller: the first test file
 * that asks builds it (`build(dir)` fills `dir` and returns JSON data), the others wait for it and copy
 * it, timestamps and .git included, so each gets what a build of its own would have given it. Without
 * the run's folder (vitest run without global-setup.ts) every caller builds its own.
 */
export async function sharedFixture<T>(name: string, build: (dir: string) => T): Promise<SharedFixture<T>> {
  const copy = mkdtempSync(path.join(os.tmpdir(), `ledger-${name}-`));
  const root = inject('sharedFixtures');
  if (!root) return { dir: copy, data: build(copy) };
  const built = path.join(root, name);
  const done = path.join(root, `${name}.json`);
  const failed = path.join(root, `${name}.failed`);
  if (claim(path.join(root, `${name}.lock`))) {
    mkdirSync(built);
    try {
      writeFileSync(done + '.tmp', JSON.stringify(build(built)));
    } catch (error) {
      writeFileSync(failed, String(error));
      throw error;
    }
    // The marker appears whole (rename), and only once the folder is complete.
    renameSync(done + '.tmp', done);
  }
  // Waiting without blocking: the worker keeps answering vitest while another file builds.
  while (!existsSync(done)) {
    if (existsSync(failed)) throw new Error(`shared fixture ${name} failed to build: ${readFileSync(failed, 'utf8')}`);
    await sleep(100);
  }
  cpSync(built, copy, { recursive: true, preserveTimestamps: true });
  return { dir: copy, data: JSON.parse(readFileSync(done, 'utf8')) as T };
}

/** Takes the lock `dir` (mkdir is atomic); false when another file holds it. */
function claim(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
