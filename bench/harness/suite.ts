/**
 * What a benchmark suite is to the runner (bench/run.ts): a name and a `run` that takes the
 * shared context (the studio server and Chromium, both started on first use and shared by
 * every suite of a run) and returns its metrics in the shared format.
 */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from '@playwright/test';
import { chromiumLaunchOptions, DESKTOP_VIEWPORT } from '../../e2e/fixtures/chromium.ts';
import type { SuiteResult } from './result.ts';
import { startStudio, type Studio } from './studio.ts';

export interface SuiteContext {
  /** A quick pass on tiny sizes with one iteration: checks the harness, measures nothing. */
  smoke: boolean;
  studio: () => Promise<Studio>;
  /** A fresh browser context (own cache and storage) in the shared Chromium. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  log: (line: string) => void;
}

export interface Suite {
  name: string;
  title: string;
  run: (ctx: SuiteContext) => Promise<SuiteResult>;
}

export interface SharedResources {
  context: SuiteContext;
  chromiumVersion: () => string | undefined;
  close: () => Promise<void>;
}

export function sharedResources(options: {
  smoke: boolean;
  build: boolean;
  outDir?: string;
  minify?: boolean;
  log: (line: string) => void;
}): SharedResources {
  let studio: Promise<Studio> | undefined;
  let browser: Promise<Browser> | undefined;
  let version: string | undefined;
  const context: SuiteContext = {
    smoke: options.smoke,
    log: options.log,
    studio: () => {
      if (!studio) {
        options.log(
          options.build
            ? 'Building the studio and starting vite preview…'
            : 'Starting vite preview…',
        );
        studio = startStudio({
          build: options.build,
          outDir: options.outDir,
          minify: options.minify,
        });
      }
      return studio;
    },
    newContext: async (contextOptions) => {
      browser ??= chromium.launch(chromiumLaunchOptions).then((b) => {
        version = b.version();
        return b;
      });
      const created = await (
        await browser
      ).newContext({
        viewport: DESKTOP_VIEWPORT,
        deviceScaleFactor: 1,
        ...contextOptions,
      });
      // tsx compiles the benchmarks with esbuild's keepNames, which wraps functions passed
      // to page.evaluate in a `__name` helper that only exists in Node: define it in pages.
      await created.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      return created;
    },
  };
  return {
    context,
    chromiumVersion: () => version,
    close: async () => {
      const results = await Promise.allSettled([
        browser?.then((b) => b.close()),
        studio?.then((s) => s.stop()),
      ]);
      for (const r of results) if (r.status === 'rejected') options.log(`cleanup: ${r.reason}`);
    },
  };
}
