/**
 * Load suite (`npm run bench:load`): a first visit to `npm start`'s server (the built studio
 * and its engine under `vite preview`), each run in a fresh browser context (empty cache and
 * storage). Measures:
 * - compressed JS (gzip -9 of each file, KB = 1,000 bytes as Vite prints): the entry (the
 *   module script and modulepreloads of index.html), everything fetched for the first screen
 *   (until the network is idle), what opening the Edit and the Gallery views fetch lazily,
 *   and how many first-screen chunks hold konva modules (from the source maps; must be 0);
 * - first contentful paint; the Generate button working: rendered (React attaches its
 *   handler in the same commit) and the main thread free to handle a click (the next task);
 * - from pressing the Edit / Gallery tab to the view being usable (its code loaded lazily):
 *   from the click to the end of the first frame holding the view's text, timed in the page
 *   (harness/shown-at.ts).
 * 1 warm-up + 7 runs, medians. Smoke: one run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { sampled, single, type Metric } from './harness/result.ts';
import type { Suite } from './harness/suite.ts';
import { REACT_OWNS } from './harness/studio-ready.ts';
import { shownAfter, watchShown } from './harness/shown-at.ts';

const kb = (bytes: number) => bytes / 1000;

/**
 * Times the Generate button from navigation start, recorded by an init script: "rendered" when
 * React owns it (its handler attached), "ready" at the next task. A client-rendered build
 * creates it owned (a DOM mutation); a prerendered one has it in the HTML and React takes it
 * over when it hydrates, which the studio marks (`easel:interactive`, in the same commit).
 */
const WATCH_GENERATE_BUTTON = `(() => {
  const owned = ${REACT_OWNS};
  const find = () => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Generate');
  let seen = false;
  const check = () => {
    if (seen || !owned(find())) return;
    seen = true;
    const rendered = performance.now();
    setTimeout(() => { window.__generateButton = { rendered, ready: performance.now() }; });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  const mark = performance.mark.bind(performance);
  performance.mark = (...args) => {
    const entry = mark(...args);
    if (args[0] === 'easel:interactive') check();
    return entry;
  };
})();`;

type RecordedScripts = ReturnType<typeof recordScripts>;

/** JS files the page fetched, by path, recorded as responses arrive. */
function recordScripts(page: Page) {
  const fetched = new Map<string, Promise<Buffer>>();
  let lastAt = Date.now();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') lastAt = Date.now();
  });
  page.on('response', (response) => {
    lastAt = Date.now();
    const url = new URL(response.url());
    const type = response.headers()['content-type'] ?? '';
    if (response.ok() && /javascript/.test(type) && !fetched.has(url.pathname)) {
      const body = response.body();
      // A lazy chunk still arriving when the run closes its page rejects here; it is only an
      // error if a figure asks for it (gzipBytes awaits it), never an unhandled rejection.
      body.catch(() => {});
      fetched.set(url.pathname, body);
    }
  });
  return {
    paths: () => [...fetched.keys()],
    /** Resolves once no request or response has come for `quietMs`. */
    settled: async (quietMs = 300) => {
      while (Date.now() - lastAt < quietMs) await new Promise((r) => setTimeout(r, 50));
    },
    gzipBytes: async (paths: readonly string[]) => {
      let total = 0;
      for (const path of paths) total += gzipSync(await fetched.get(path)!, { level: 9 }).length;
      return total;
    },
  };
}

/** Whether a built chunk holds konva modules, from its source map. */
function holdsKonva(outDir: string, path: string): boolean {
  const map = `${outDir}${path}.map`;
  if (!existsSync(map)) return false;
  const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
  return sources.some((s) => s.includes('node_modules/konva/'));
}

function entryPaths(outDir: string): string[] {
  const html = readFileSync(`${outDir}/index.html`, 'utf8');
  const paths = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!);
  if (paths.length === 0) throw new Error('index.html has no module script');
  return paths;
}

/**
 * From the click on a tab to the first frame that shows `text`, timed in the page. Then what
 * the view fetches once it has painted (the Edit view starts its image worker in an idle
 * callback) is let arrive, so that it counts as that view's JS and not the next one's.
 */
async function openViewTimed(page: Page, tab: string, text: string, scripts: RecordedScripts) {
  await watchShown(page, text, 'click');
  await page.getByRole('tab', { name: tab }).click();
  const ms = await shownAfter(page);
  // Idle callbacks run in the order asked for: this one comes after the view's own.
  await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 2000 })));
  await scripts.settled();
  return ms;
}

export const loadSuite: Suite = {
  name: 'load',
  title: "first visit to npm start's server: JS size, first paint, Generate ready",
  async run({ smoke, studio, newContext, log }) {
    const { url, outDir } = await studio();
    const warmups = smoke ? 0 : 1;
    const runs = smoke ? 1 : 7;
    const samples = { fcp: [] as number[], rendered: [] as number[], ready: [] as number[] };
    const editorOpen: number[] = [];
    const galleryOpen: number[] = [];
    let sizes: Metric[] = [];
    for (let run = -warmups; run < runs; run++) {
      const context = await newContext();
      try {
        await context.addInitScript({ content: WATCH_GENERATE_BUTTON });
        const page = await context.newPage();
        const scripts = recordScripts(page);
        await page.goto(url);
        await page.waitForFunction(() => '__generateButton' in window);
        const timing = await page.evaluate(async () => {
          const w = window as unknown as { __generateButton: { rendered: number; ready: number } };
          // The paint entry can be reported after the button works (seen on a loaded
          // machine): wait for it rather than read it too early.
          const fcp = await new Promise<number>((resolve, reject) => {
            const observer = new PerformanceObserver((list) => {
              const entry = list.getEntriesByName('first-contentful-paint')[0];
              if (!entry) return;
              observer.disconnect();
              resolve(entry.startTime);
            });
            observer.observe({ type: 'paint', buffered: true });
            setTimeout(() => reject(new Error('No first contentful paint within 10 s')), 10_000);
          });
          return { fcp, ...w.__generateButton };
        });
        await page.waitForLoadState('networkidle');
        const firstScreen = scripts.paths();
        const editorMs = await openViewTimed(page, 'Edit', 'Choose image…', scripts);
        const editor = scripts.paths().filter((p) => !firstScreen.includes(p));
        const galleryMs = await openViewTimed(page, 'Gallery', 'Nothing here yet', scripts);
        const gallery = scripts
          .paths()
          .filter((p) => !firstScreen.includes(p) && !editor.includes(p));
        if (run < 0) continue;
        samples.fcp.push(timing.fcp);
        samples.rendered.push(timing.rendered);
        samples.ready.push(timing.ready);
        editorOpen.push(editorMs);
        galleryOpen.push(galleryMs);
        if (run === 0) {
          const entry = entryPaths(outDir);
          const missing = entry.filter((p) => !firstScreen.includes(p));
          if (missing.length > 0) throw new Error(`Entry files not fetched: ${missing.join(', ')}`);
          sizes = [
            single('entry-js-gzip', 'entry JS (gzip)', 'KB', kb(await scripts.gzipBytes(entry))),
            single(
              'first-screen-js-gzip',
              'first-screen JS (gzip)',
              'KB',
              kb(await scripts.gzipBytes(firstScreen)),
            ),
            single('first-screen-js-files', 'first-screen JS files', 'count', firstScreen.length),
            single(
              'first-screen-konva-chunks',
              'first-screen chunks holding konva',
              'count',
              firstScreen.filter((p) => holdsKonva(outDir, p)).length,
            ),
            single(
              'editor-lazy-js-gzip',
              'Edit view JS, lazy (gzip)',
              'KB',
              kb(await scripts.gzipBytes(editor)),
            ),
            single(
              'gallery-lazy-js-gzip',
              'Gallery view JS, lazy (gzip)',
              'KB',
              kb(await scripts.gzipBytes(gallery)),
            ),
          ];
          log(
            `  first screen: ${firstScreen.join(' ')}\n  editor: ${editor.join(' ')}\n  gallery: ${gallery.join(' ')}`,
          );
        }
        log(
          `  run ${run + 1}: FCP ${Math.round(timing.fcp)} ms, Generate ready ${Math.round(timing.ready)} ms`,
        );
      } finally {
        await context.close();
      }
    }
    return {
      suite: 'load',
      measuredAt: new Date().toISOString(),
      config: { runs, warmups, freshContextPerRun: true, network: 'loopback, no throttling' },
      metrics: [
        ...sizes,
        sampled('fcp', 'first contentful paint', 'ms', samples.fcp),
        sampled('generate-rendered', 'Generate button rendered', 'ms', samples.rendered),
        sampled('generate-ready', 'Generate button works', 'ms', samples.ready),
        sampled('editor-open', 'Edit tab → editor usable', 'ms', editorOpen),
        sampled('gallery-open', 'Gallery tab → gallery usable', 'ms', galleryOpen),
      ],
    };
  },
};
