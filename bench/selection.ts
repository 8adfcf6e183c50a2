/**
 * Selection suite (`npm run bench:selection`): the magic wand on a 4096x4096 picture (the
 * editor's largest working size), in Chromium on the built studio. The picture is a sky
 * (smooth, slightly noisy) over a textured ground; each click in the sky selects about 60 %
 * of it. Per click: the time from the click to the mask changed (the studio's User Timing
 * measure `easel:wand-select`: the worker's fill (runs, merged into rectangles), the undo
 * capture in its own worker (packed from the rectangles the click before drew), the
 * rectangles filled into the mask), and until the next frames are drawn (the stage redrawing
 * the 4096x4096 mask included) the main thread's busy time and long tasks (> 50 ms).
 * 1 warm-up click (the picture's pixels reach the worker) + 9 measured clicks.
 * Smoke: 512x512, 1 + 2 clicks.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import sharp from 'sharp';
import {
  enablePerformanceMetrics,
  mainThreadTime,
  takeLongTasks,
  watchLongTasks,
} from './harness/page-metrics.ts';
import { sampled, single, type Metric } from './harness/result.ts';
import type { Suite } from './harness/suite.ts';
import { openWithoutEditorSession } from './harness/fresh-editor.ts';

/** The sky's lower edge at column x, as a fraction of the height. */
const horizon = (x: number, width: number) => 0.6 + 0.05 * Math.sin((x / width) * 9);

async function scene(size: number): Promise<Buffer> {
  const raw = Buffer.alloc(size * size * 3);
  let seed = 1;
  const noise = (range: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return (seed % (2 * range + 1)) - range;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      const sky = y < size * horizon(x, size);
      const colour = sky
        ? [110 + (20 * y) / size + noise(3), 160 + noise(3), 225 + noise(3)]
        : [60 + ((x * 7) % 50), 110 + ((y * 5) % 60), 40 + noise(20)];
      raw.set(colour, i);
    }
  }
  return sharp(raw, { raw: { width: size, height: size, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** Opens the scene from a file on disk (a path, so the browser reads it; nothing is copied). */
async function openScene(page: Page, url: string, size: number, file: string) {
  await openWithoutEditorSession(page, url);
  await page.getByRole('tab', { name: 'Edit' }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Choose image…' }).click(),
  ]);
  await chooser.setFiles(file);
  await page.getByText(`scene.png · ${size}×${size}`).waitFor({ timeout: 120_000 });
  await page.getByRole('radio', { name: 'Magic wand' }).click();
}

/** Screen point of an image point, from the stage's published view. */
async function screenPoint(page: Page, x: number, y: number) {
  const stage = page.getByRole('application', { name: 'Mask canvas' });
  const d = await stage.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  const box = (await stage.boundingBox())!;
  return {
    x: box.x + Number(d.offsetX) + x * Number(d.scale),
    y: box.y + Number(d.offsetY) + y * Number(d.scale),
  };
}

/**
 * One click; its easel:wand-select time, and the main thread's busy time and long tasks
 * until two frames after it (the stage redrawing the mask included).
 */
async function click(page: Page, cdp: CDPSession, at: { x: number; y: number }) {
  const before = await page.evaluate(
    () => performance.getEntriesByName('easel:wand-select').length,
  );
  await watchLongTasks(page);
  const busy = await mainThreadTime(cdp);
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(
    (n) => performance.getEntriesByName('easel:wand-select').length > n,
    before,
    { timeout: 60_000 },
  );
  // The mask layer redraws on the next frame: count its work too.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  await page.waitForTimeout(100);
  const entry = await page.evaluate(() => {
    const e = performance.getEntriesByName('easel:wand-select').at(-1) as PerformanceMeasure;
    return { ms: e.duration, detail: String(e.detail) };
  });
  const mainThreadMs = (await mainThreadTime(cdp)).task - busy.task;
  const longTasks = await takeLongTasks(page);
  return {
    ...entry,
    mainThreadMs,
    longTasks: longTasks.length,
    longest: Math.max(0, ...longTasks),
  };
}

export const selectionSuite: Suite = {
  name: 'selection',
  title: 'magic wand clicks on a 4096x4096 picture',
  async run({ smoke, studio, newContext, log }) {
    const size = smoke ? 512 : 4096;
    const clicks = smoke ? 2 : 9;
    const { url } = await studio();
    const context = await newContext();
    const page = await context.newPage();
    const metrics: Metric[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'easel-bench-'));
    try {
      const file = join(dir, 'scene.png');
      writeFileSync(file, await scene(size));
      await openScene(page, url, size, file);
      const cdp = await enablePerformanceMetrics(page);
      const runs: Awaited<ReturnType<typeof click>>[] = [];
      for (let i = 0; i <= clicks; i++) {
        // Different points in the sky, so no two clicks are alike.
        const x = size * (0.1 + 0.08 * i);
        const at = await screenPoint(page, x, size * 0.1 + (i % 3) * size * 0.1);
        const run = await click(page, cdp, at);
        if (i > 0) runs.push(run); // the first one waits for the picture to reach the worker
      }
      const id = `${size}x${size}`;
      metrics.push(
        sampled(
          `wand.${id}`,
          `magic wand ${id}: click to mask`,
          'ms',
          runs.map((r) => r.ms),
        ),
        sampled(
          `wand.worker.${id}`,
          `magic wand ${id}: in the worker`,
          'ms',
          runs.map((r) => Number(/worker (\d+) ms/.exec(r.detail)?.[1] ?? NaN)),
        ),
        sampled(
          `wand.main-thread.${id}`,
          `magic wand ${id}: main thread per click`,
          'ms',
          runs.map((r) => r.mainThreadMs),
        ),
        sampled(
          `wand.long-tasks.${id}`,
          `magic wand ${id}: long tasks`,
          'count',
          runs.map((r) => r.longTasks),
        ),
        sampled(
          `wand.longest-task.${id}`,
          `magic wand ${id}: longest task`,
          'ms',
          runs.map((r) => r.longest),
        ),
        single(
          `wand.selected.${id}`,
          `magic wand ${id}: pixels selected`,
          'count',
          Number(/: (\d+) px/.exec(runs.at(-1)!.detail)?.[1] ?? 0),
        ),
      );
      log(`  wand ${id}: median ${metrics[0]!.median} ms, longest task ${metrics[4]!.median} ms`);
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return {
      suite: 'selection',
      measuredAt: new Date().toISOString(),
      config: { size, clicks, warmUp: 1, tolerance: 'default (32)' },
      metrics,
    };
  },
};
