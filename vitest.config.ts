import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // vitest run's default is one worker fewer than the CPUs: on the 2-core CI machine that is one,
    // and the whole suite ran file after file. Most files wait on the processes they spawn (the CLI,
    // git, LibreOffice), so two workers keep both cores busy.
    maxWorkers: 2,
    // Test files share their worker's module cache instead of each starting a fresh one (about half a
    // second per file). The tests keep no state between files: temporary folders are removed by
    // setup.ts after every test, the few environment changes are undone in their own hooks.
    isolate: false,
    setupFiles: ['test/helpers/setup.ts'],
    // One folder per run for fixtures that several files share (test/helpers/shared-fixture.ts).
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
