import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for fixtures built once per run and shared by the test files (see shared-fixture.ts). */
    sharedFixtures: string;
  }
}

/** Makes the run's shared-fixture folder before any test file starts; removes it after the last. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-test-run-'));
  project.provide('sharedFixtures', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
