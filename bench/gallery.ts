/**
 * Gallery suite (`npm run bench:gallery`): browsing a gallery of 5,000 entries in Chromium.
 * - open: from pressing the Gallery tab to the first thumbnail painted, and to every tile of
 *   the first screen showing its thumbnail (each measured to the next animation frame);
 * - scroll: the grid scrolled from top to bottom at 400 px per frame (a hard fling), long
 *   tasks (> 50 ms) and frames slower than 50 ms during it, the main thread's busy time per
 *   frame (script, style + layout; CDP Performance metrics), most tiles ever in the DOM,
 *   thumbnails shown during the fling, and from the fling's end to every tile on screen
 *   showing its thumbnail;
 * - JS heap before and after opening and after the scroll (after a forced GC).
 * Each run is a fresh page load on the same seeded database; 5 runs, medians.
 * Smoke: 60 entries, one run.
 */
import type { Page } from '@playwright/test';
import { seedGalleryInPage } from './gallery-seed.ts';
import {
  enablePerformanceMetrics,
  heapAfterGcMb,
  mainThreadTime,
  type MainThreadTime,
} from './harness/page-metrics.ts';
import { sampled, single, type Metric, type Unit } from './harness/result.ts';
import type { Suite } from './harness/suite.ts';
import { waitForStudio } from './harness/studio-ready.ts';

export const SCROLL_STEP = 400;

/** Presses the Gallery tab in the page and times the first thumbnails reaching the screen. */
export function openGalleryTimed(page: Page) {
  return page.evaluate(async () => {
    const nextFrame = () =>
      new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
    const tab = [...document.querySelectorAll('[role="tab"]')].find(
      (t) => t.textContent === 'Gallery',
    )!;
    // A reload comes back to the view the tab was on: starting on the Gallery would time
    // the rest of a reload, not a press of its tab.
    if (tab.getAttribute('aria-selected') === 'true')
      throw new Error('The Gallery is already shown: open another view before timing it');
    const t0 = performance.now();
    // The studio's tabs switch on click; dispatching it in the page keeps one clock.
    tab.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0 }));
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

export function scrollTopToBottom(page: Page, step: number) {
  return page.evaluate(async (step) => {
    const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => longTasks.push(e.duration)),
    );
    observer.observe({ type: 'longtask' });
    // Thumbnails decoded and shown while the grid moves: the work a fling costs, and a count
    // that does not depend on how the machine's time is shared as much as the times do.
    let shownDuringFling = 0;
    const shown = new MutationObserver((records) => {
      for (const record of records)
        if ((record.target as HTMLElement).dataset.state === 'shown') shownDuringFling++;
    });
    shown.observe(grid, { subtree: true, attributeFilter: ['data-state'] });
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
    // Once the fling stops, the tiles on screen must show their thumbnails.
    shown.takeRecords().forEach((record) => {
      if ((record.target as HTMLElement).dataset.state === 'shown') shownDuringFling++;
    });
    shown.disconnect();
    const stopped = performance.now();
    const view = grid.getBoundingClientRect();
    for (;;) {
      const visible = [...grid.querySelectorAll('[role="gridcell"]')].filter((cell) => {
        const r = cell.getBoundingClientRect();
        return r.bottom > view.top && r.top < view.bottom;
      });
      const shown = visible.filter((cell) => cell.querySelector('canvas[data-state="shown"]'));
      if (visible.length > 0 && shown.length === visible.length) break;
      if (performance.now() - stopped > 10_000)
        throw new Error('Thumbnails missing after the fling');
      await new Promise((r) => requestAnimationFrame(r));
    }
    const settleMs = (await new Promise<number>((r) => requestAnimationFrame(r))) - stopped;
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
      settleMs,
      shownDuringFling,
    };
  }, step);
}

/** Every figure of one run, by metric id. */
const MEASURES: [id: string, label: string, unit: Unit][] = [
  ['open.first-thumbnail', 'open → first thumbnail', 'ms'],
  ['open.first-screen', 'open → first screen of thumbnails', 'ms'],
  ['open.tiles-on-screen', 'tiles on the first screen', 'count'],
  ['scroll.duration', 'scroll top → bottom: duration', 'ms'],
  ['scroll.frames', 'scroll: frames', 'count'],
  ['scroll.slow-frames', 'scroll: frames > 50 ms', 'count'],
  ['scroll.main-thread-per-frame', 'scroll: main thread / frame', 'ms'],
  ['scroll.script-per-frame', 'scroll: script / frame', 'ms'],
  ['scroll.style-layout-per-frame', 'scroll: style + layout / frame', 'ms'],
  ['scroll.settle', 'scroll stops → thumbnails on screen', 'ms'],
  ['scroll.thumbnails-shown', 'scroll: thumbnails shown during it', 'count'],
  ['scroll.long-tasks', 'scroll: long tasks', 'count'],
  ['scroll.long-task-total', 'scroll: long task time', 'ms'],
  ['scroll.longest-task', 'scroll: longest task', 'ms'],
  ['dom.max-tiles', 'most tiles in the DOM', 'count'],
  ['heap.before-open', 'JS heap before opening', 'MB'],
  ['heap.after-open', 'JS heap after opening', 'MB'],
  ['heap.after-scroll', 'JS heap after the scroll', 'MB'],
];

export const gallerySuite: Suite = {
  name: 'gallery',
  title: 'browsing 5,000 entries: first thumbnails, scroll, DOM tiles, JS heap',
  async run({ smoke, studio, newContext, log }) {
    const entries = smoke ? 60 : 5000;
    const runs = smoke ? 1 : 5;
    const { url } = await studio();
    const context = await newContext();
    const page = await context.newPage();
    const samples = new Map<string, number[]>(MEASURES.map(([id]) => [id, []]));
    let seedMs = 0;
    try {
      await page.goto(url);
      // The seeding makes the database's schema itself (an empty gallery no longer creates it).
      await page.getByRole('tab', { name: 'Gallery' }).click();
      await page.getByText('Nothing here yet').waitFor();
      log(`  seeding ${entries} entries…`);
      seedMs = await page.evaluate(seedGalleryInPage, entries);
      const cdp = await enablePerformanceMetrics(page);
      for (let run = 1; run <= runs; run++) {
        // The view survives a reload: leave the Gallery first, so the run presses its tab.
        await page.getByRole('tab', { name: 'Generate' }).click();
        await page.goto(url);
        await waitForStudio(page);
        const heapBefore = await heapAfterGcMb(cdp);
        const open = await openGalleryTimed(page);
        const heapOpen = await heapAfterGcMb(cdp);
        const busyBefore = await mainThreadTime(cdp);
        const scroll = await scrollTopToBottom(page, SCROLL_STEP);
        const busyAfter = await mainThreadTime(cdp);
        const perFrame = (key: keyof MainThreadTime) =>
          (busyAfter[key] - busyBefore[key]) / scroll.frames;
        const heapScrolled = await heapAfterGcMb(cdp);
        const figures: Record<string, number> = {
          'open.first-thumbnail': open.firstThumbnail,
          'open.first-screen': open.firstScreen,
          'open.tiles-on-screen': open.tilesOnScreen,
          'scroll.duration': scroll.durationMs,
          'scroll.frames': scroll.frames,
          'scroll.slow-frames': scroll.slowFrames,
          'scroll.main-thread-per-frame': perFrame('task'),
          'scroll.script-per-frame': perFrame('script'),
          'scroll.style-layout-per-frame': perFrame('layout'),
          'scroll.settle': scroll.settleMs,
          'scroll.thumbnails-shown': scroll.shownDuringFling,
          'scroll.long-tasks': scroll.longTasks,
          'scroll.long-task-total': scroll.longTaskTotalMs,
          'scroll.longest-task': scroll.longestTaskMs,
          'dom.max-tiles': scroll.maxTilesInDom,
          'heap.before-open': heapBefore,
          'heap.after-open': heapOpen,
          'heap.after-scroll': heapScrolled,
        };
        for (const [id, value] of Object.entries(figures)) samples.get(id)!.push(value);
        log(
          `  run ${run}: first thumbnail ${Math.round(open.firstThumbnail)} ms, ` +
            `${scroll.longTasks} long tasks, ${scroll.maxTilesInDom} tiles max, heap ${heapScrolled.toFixed(1)} MB`,
        );
      }
      await cdp.detach();
    } finally {
      await context.close();
    }
    const metrics: Metric[] = [
      ...MEASURES.map(([id, label, unit]) => sampled(id, label, unit, samples.get(id)!)),
      single('seed', `seeding ${entries} entries (setup)`, 'ms', seedMs),
    ];
    return {
      suite: 'gallery',
      measuredAt: new Date().toISOString(),
      config: { entries, runs, scrollStepPx: SCROLL_STEP },
      metrics,
    };
  },
};
