/** Measurements taken inside a Chromium page, shared by the browser suites. */
import type { CDPSession, Page } from '@playwright/test';

/** Main-thread time Chromium has spent, cumulative, in ms (CDP Performance.getMetrics). */
export interface MainThreadTime {
  task: number;
  script: number;
  /** Style recalculation plus layout. */
  layout: number;
}

export async function enablePerformanceMetrics(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

export async function mainThreadTime(cdp: CDPSession): Promise<MainThreadTime> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    task: get('TaskDuration'),
    script: get('ScriptDuration'),
    layout: get('LayoutDuration') + get('RecalcStyleDuration'),
  };
}

/** The JS heap in use after a forced garbage collection, in MB. */
export async function heapAfterGcMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/** Starts collecting long tasks (> 50 ms) in the page; `takeLongTasks` returns and resets. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks?: number[]; __longTaskObserver?: boolean };
    w.__longTasks = [];
    if (w.__longTaskObserver) return;
    w.__longTaskObserver = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks!.push(e.duration);
    }).observe({ type: 'longtask' });
  });
}

export async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks?: number[] };
    const tasks = w.__longTasks ?? [];
    w.__longTasks = [];
    return tasks;
  });
}

/**
 * Starts timing the page's frames; `takeLongestFrame` returns the longest gap between two
 * animation frames since, and stops. A frame that misses its vsync shows as 33 ms or more at
 * 60 Hz, however short each task in it was: long tasks (> 50 ms) do not see it. The loop runs
 * only in between, so that it does not keep frames coming for whatever is measured next.
 */
export async function watchFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longestFrame?: number; __framesWatched?: boolean };
    w.__longestFrame = 0;
    w.__framesWatched = true;
    let last = 0;
    const tick = (now: number) => {
      if (!w.__framesWatched) return;
      if (last) w.__longestFrame = Math.max(w.__longestFrame ?? 0, now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export async function takeLongestFrame(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __longestFrame?: number; __framesWatched?: boolean };
    w.__framesWatched = false;
    return w.__longestFrame ?? 0;
  });
}
