import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions, DESKTOP_VIEWPORT } from './e2e/fixtures/chromium.ts';

/**
 * e2e runs in a real Chromium against the built studio and the real local engine, served
 * together by `vite preview` (the engine is mounted in it). Nothing is mocked.
 * Chromium's path and flags live in e2e/fixtures/chromium.ts (the benchmarks use them too).
 */
const port = Number(process.env.E2E_PORT ?? 5199);

const chromium = {
  ...devices['Desktop Chrome'],
  viewport: DESKTOP_VIEWPORT,
  launchOptions: chromiumLaunchOptions,
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Three on a two-core machine: two left the cores idle a fifth of the time (tests waiting on
  // the engine, on timers, on each other's pages); the third fills it (suite 14.3 → 13.0 min).
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 3,
  forbidOnly: !!process.env.CI,
  // On CI one retry, so a timing hiccup on a busy runner does not block a landing; a test
  // that passes only on its retry is still reported as "flaky" in the output, to be fixed.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A failure keeps its trace: every action's DOM snapshot, network and console. Not its
    // screencast: encoding frames all through every test cost a quarter of the suite's time
    // (the browser is CPU-bound on two cores), and the failure's own screenshot is kept below.
    trace: {
      mode: process.env.CI ? 'retain-on-first-failure' : 'retain-on-failure',
      screenshots: false,
      snapshots: true,
      sources: true,
    },
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'dpr1', use: { ...chromium, deviceScaleFactor: 1 } },
    // Specs that depend on pixel density (the mask editor, screenshots) tag themselves @dpr2
    // and run again at deviceScaleFactor 2.
    { name: 'dpr2', grep: /@dpr2/, use: { ...chromium, deviceScaleFactor: 2 } },
  ],
  webServer: {
    command: `npx vite build && npx vite preview --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    env: { EASEL_ENGINE_TEST_HOOKS: '1' },
  },
});
