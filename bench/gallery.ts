/**
 * `npm run bench:gallery`: browsing a gallery of 5,000 entries in a real Chromium.
 * - open: from pressing the Gallery tab to the first thumbnail painted, and to every tile of
 *   the first screen showing its thumbnail (each measured to the next animation frame);
 * - scroll: the grid scrolled from top to bottom at 400 px per frame (a hard fling), long
 *   tasks (> 50 ms) and frames slower than 50 ms during it, the main thread's busy time per
 *   frame (script, style + layout; CDP Performance metrics), most tiles ever in the DOM;
 * - JS heap after opening and after the scroll (after a forced GC).
 * Each run is a fresh page load on the same seeded database. Writes
 * bench/results/gallery.json and prints a table of medians.
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { spawn, execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { seedGalleryInPage } from './gallery-seed.ts';

const ENTRIES = 5000;
const RUNS = 5;
const VIEWPORT = { width: 1440, height: 900 };
const SCROLL_STEP = 400;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

async function startPreview(port: number) {
  const child = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => process.kill(-child.pid!, 'SIGTERM') };
    } catch {
      // Not listening yet: the preview server takes a moment to start.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(-child.pid!, 'SIGTERM');
  throw new Error('vite preview did not start');
}

/** Main-thread time Chromium spent on script, style and layout (seconds, cumulative). */
async function mainThreadMetrics(cdp: CDPSession) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    task: get('TaskDuration'),
    script: get('ScriptDuration'),
    layout: get('LayoutDuration') + get('RecalcStyleDuration'),
  };
}

async function heapMb(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/** Presses the Gallery tab in the page and times the first thumbnails reaching the screen. */
function openGalleryTimed(page: Page) {
  return page.evaluate(async () => {
    const nextFrame = () =>
      new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
    const tab = [...document.querySelectorAll('[role="tab"]')].find(
      (t) => t.textContent === 'Gallery',
    )!;
    const t0 = performance.now();
    // Radix tabs select on mousedown; dispatching it in the page keeps one clock.
    tab.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
    let first = 0;
    for (;;) {
      const frame = await nextFrame();
      const grid = document.querySelector('[role="grid"]');
      if (!grid) continue;
      const view = grid.getBoundingClientRect();
      const visible = [...grid.querySelectorAll<HTMLElement>('[role="gridcell"]')].filter(
        (cell) => {
          const r = cell.getBoundingClientRect();
          return r.bottom > view.top && r.top < view.bottom;
        },
      );
      // A tile's canvas is marked once its decoded thumbnail is handed to it; it is
      // painted in the frame after.
      const shown = visible.filter((cell) => cell.querySelector('canvas[data-state="shown"]'));
      if (!first && shown.length > 0) first = (await nextFrame()) - t0;
      if (visible.length > 0 && shown.length === visible.length) {
        return {
          firstThumbnail: first || frame - t0,
          firstScreen: (await nextFrame()) - t0,
          tilesOnScreen: visible.length,
        };
      }
    }
  });
}

function scrollTopToBottom(page: Page, step: number) {
  return page.evaluate(async (step) => {
    const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => longTasks.push(e.duration)),
    );
    observer.observe({ type: 'longtask' });
    const frames: number[] = [];
    let maxTiles = 0;
    let last = performance.now();
    const started = last;
    while (grid.scrollTop + grid.clientHeight < grid.scrollHeight - 1) {
      grid.scrollTop += step;
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      frames.push(now - last);
      last = now;
      maxTiles = Math.max(maxTiles, grid.querySelectorAll('[role="gridcell"]').length);
    }
    await new Promise((r) => setTimeout(r, 300));
    observer.disconnect();
    return {
      durationMs: performance.now() - started,
      frames: frames.length,
      slowFrames: frames.filter((f) => f > 50).length,
      longTasks: longTasks.length,
      longTaskTotalMs: longTasks.reduce((a, b) => a + b, 0),
      longestTaskMs: Math.max(0, ...longTasks),
      maxTilesInDom: maxTiles,
    };
  }, step);
}

async function main() {
  console.log('Building the studio…');
  execSync('npx vite build', { stdio: 'ignore' });
  const preview = await startPreview(await freePort());
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    // tsx compiles this file with esbuild's keepNames, which wraps the functions passed to
    // page.evaluate in a `__name` helper that only exists in Node: define it in the page.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await context.newPage();
    await page.goto(preview.url);
    // Opening the Gallery once lets Dexie create the schema the seeding writes into.
    await page.getByRole('tab', { name: 'Gallery' }).click();
    await page.getByText('Nothing here yet').waitFor();
    console.log(`Seeding ${ENTRIES} entries…`);
    const seedMs = await page.evaluate(seedGalleryInPage, ENTRIES);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const runs: Record<string, number>[] = [];
    for (let run = 1; run <= RUNS; run++) {
      await page.goto(preview.url);
      await page.getByRole('tab', { name: 'Generate' }).waitFor();
      const heapBefore = await heapMb(cdp);
      const open = await openGalleryTimed(page);
      const heapOpen = await heapMb(cdp);
      const busyBefore = await mainThreadMetrics(cdp);
      const scroll = await scrollTopToBottom(page, SCROLL_STEP);
      const busyAfter = await mainThreadMetrics(cdp);
      const perFrame = (key: keyof typeof busyBefore) =>
        ((busyAfter[key] - busyBefore[key]) * 1000) / scroll.frames;
      const heapScrolled = await heapMb(cdp);
      const result = {
        run,
        openToFirstThumbnailMs: round(open.firstThumbnail),
        openToFirstScreenMs: round(open.firstScreen),
        tilesOnFirstScreen: open.tilesOnScreen,
        scrollDurationMs: round(scroll.durationMs),
        scrollFrames: scroll.frames,
        scrollSlowFrames: scroll.slowFrames,
        scrollMainThreadMsPerFrame: round(perFrame('task')),
        scrollScriptMsPerFrame: round(perFrame('script')),
        scrollStyleLayoutMsPerFrame: round(perFrame('layout')),
        scrollLongTasks: scroll.longTasks,
        scrollLongTaskTotalMs: round(scroll.longTaskTotalMs),
        scrollLongestTaskMs: round(scroll.longestTaskMs),
        maxTilesInDom: scroll.maxTilesInDom,
        heapBeforeOpenMb: round(heapBefore),
        heapAfterOpenMb: round(heapOpen),
        heapAfterScrollMb: round(heapScrolled),
      };
      runs.push(result);
      console.log(`run ${run}: ${JSON.stringify(result)}`);
    }
    const keys = Object.keys(runs[0]!).filter((k) => k !== 'run');
    const medians = Object.fromEntries(keys.map((k) => [k, round(median(runs.map((r) => r[k]!)))]));
    const report = {
      benchmark: 'gallery',
      date: new Date().toISOString(),
      entries: ENTRIES,
      runs: RUNS,
      viewport: VIEWPORT,
      scrollStepPx: SCROLL_STEP,
      chromium: browser.version(),
      cpus: cpus().length,
      seedMs: round(seedMs),
      median: medians,
      all: runs,
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/gallery.json', `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `\nGallery with ${ENTRIES} entries, ${RUNS} runs, medians (Chromium ${browser.version()}):`,
    );
    console.table(Object.entries(medians).map(([metric, value]) => ({ metric, median: value })));
    console.log('Written to bench/results/gallery.json');
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
