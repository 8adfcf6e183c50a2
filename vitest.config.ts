import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects so `npm test` can report them separately:
// - unit: pure logic beside its source (src/**, server/**), no network, no browser.
// - integration: starts the engine on a loopback port and drives it with the official
//   `openai` client (server/integration/**).
// As Playwright's config: on CI a failed test runs once more (a cold, loaded clean machine
// once split a journal slice a test counted on; `--reporter=verbose` marks such a test
// "retry x1"). Locally a failure stops at once, so a flaky test is seen and fixed.
const ciRetry = process.env.CI ? 1 : 0;

export default defineConfig({
  test: {
    // Vitest leaves one core free by default, which on a 2-core CI box means one file at a
    // time: the integration run waited a minute on the benchmark smoke test alone. Every core.
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.{ts,tsx}',
            'server/**/*.test.ts',
            'bench/**/*.test.ts',
            'build/**/*.test.ts',
          ],
          exclude: ['server/integration/**', 'bench/smoke.test.ts', 'node_modules/**'],
          environment: 'node',
          // Some tests paint and encode megapixel canvases; a busy 2-core CI box needs room.
          testTimeout: 20_000,
          retry: ciRetry,
        },
      },
      {
        test: {
          name: 'integration',
          // bench/smoke.test.ts: the benchmark harness in --smoke mode (builds, serves, drives
          // Chromium), like these an end-to-end check of a running server.
          include: ['server/integration/**/*.test.ts', 'bench/smoke.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          retry: ciRetry,
        },
      },
    ],
  },
});
