import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One folder per run for fixtures that several files share (test/helpers/shared-fixture.ts).
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
