/**
 * Editor suite (`npm run bench:editor`): the mask editor in Chromium, on the built studio.
 * For a 1024x1024 and a 3840x2160 image:
 * - a 3-second brush stroke driven at ~120 pointer moves a second, 3 strokes: main-thread
 *   script time and busy time per pointer move (CDP Performance metrics), long tasks (> 50 ms),
 *   the longest frame (a missed vsync shows as 33 ms), and the time its last event
 *   (`pointerup`) takes to handle;
 * - over the three soft strokes, what the stroke journal copies into IndexedDB as it keeps
 *   each finished stroke for a reload made at once: its bytes and the main thread's time in
 *   its puts (the structured clone runs inside put());
 * - after the last stroke, the main thread's busy time and longest task while the session
 *   (image and paint) is saved for the next visit;
 * - mask export (snapshot, worker cut + 0/255 alpha, PNG encode), 15 runs after a change
 *   each, median and max, from the studio's own User Timing measure `easel:export-mask`.
 * And opening an 8000x8000 PNG (3 runs) and a 4000x3000 photo as JPEG (5 runs): from the file
 * chosen (the input's change event) to the end of the first frame whose caption names it,
 * decoded (the PNG scaled to 4096 px) in the image worker, timed in the page
 * (harness/shown-at.ts); for the PNG, the main thread's long tasks meanwhile too.
 * Smoke: 384x216 only, one 0.5 s stroke, 2 exports; a 640x640 image and a 400x300 photo
 * opened once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import sharp from 'sharp';
import {
  enablePerformanceMetrics,
  mainThreadTime,
  takeLongestFrame,
  takeLongTasks,
  watchFrames,
  watchLongTasks,
} from './harness/page-metrics.ts';
import { sampled, single, type Metric } from './harness/result.ts';
import type { Suite } from './harness/suite.ts';
import { openWithoutEditorSession } from './harness/fresh-editor.ts';
import { shownAfter, watchShown } from './harness/shown-at.ts';

const MOVE_EVERY_MS = 8;

export async function image(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = 128 + 100 * Math.sin(x / 50);
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

export async function stageMapper(page: Page) {
  const stage = page.getByRole('application', { name: 'Mask canvas' });
  const d = await stage.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  const box = (await stage.boundingBox())!;
  return (x: number, y: number) => ({
    x: box.x + Number(d.offsetX) + x * Number(d.scale),
    y: box.y + Number(d.offsetY) + y * Number(d.scale),
  });
}

export async function openImage(page: Page, url: string, width: number, height: number) {
  await openWithoutEditorSession(page, url);
  await page.getByRole('tab', { name: 'Edit' }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Choose image…' }).click(),
  ]);
  await chooser.setFiles({
    name: `bench-${width}x${height}.png`,
    mimeType: 'image/png',
    buffer: await image(width, height),
  });
  await page.getByRole('application', { name: 'Mask canvas' }).waitFor({ timeout: 60_000 });
  await page.getByText(`bench-${width}x${height}.png · ${width}×${height}`).waitFor();
  await page.getByRole('radio', { name: 'Brush' }).click();
}

/**
 * A photograph's worth of detail, as a camera's JPEG (quality 90): smooth gradients under
 * seeded grain of ±10 levels. A flat picture encodes to PNG in a blink; this one takes
 * about as long as a photo does.
 */
export function photoJpeg(width: number, height: number): Promise<Buffer> {
  const raw = new Uint8ClampedArray(width * height * 3);
  let seed = 7;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = (seed % 21) - 10;
      raw[i] = (x * 255) / width + grain;
      raw[i + 1] = (y * 255) / height + grain;
      raw[i + 2] = 128 + 100 * Math.sin(x / 50) + grain;
    }
  }
  return sharp(Buffer.from(raw.buffer), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A square PNG of one colour (small to send, large to decode). */
export function flatPng(side: number): Promise<Buffer> {
  return sharp({
    create: { width: side, height: side, channels: 3, background: { r: 90, g: 140, b: 200 } },
  })
    .png()
    .toBuffer();
}

/** The editor's stage, once it draws the picture (react-konva's canvases in its container). */
const STAGE_CANVAS = '[aria-label="Mask canvas"] canvas';

/** Opens a large image from the file picker; the time until the stage shows it. */
export async function openLarge(
  page: Page,
  url: string,
  bytes: Buffer,
  shown: string,
  name = 'huge.png',
) {
  await openWithoutEditorSession(page, url);
  await page.getByRole('tab', { name: 'Edit' }).click();
  await watchLongTasks(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Choose image…' }).click(),
  ]);
  // Handed over as a file on disk, as a file picker does: a buffer goes through the page's
  // script as base64, one 100+ ms task of the harness's own that the studio never sees.
  const file = join(mkdtempSync(join(tmpdir(), 'easel-bench-')), name);
  writeFileSync(file, bytes);
  // The picture itself: the stage's canvas (its image layer is drawn in the frame it appears
  // in), which may come after the caption (it did, by ~300 ms, until 5666431).
  await watchShown(page, `${name} · ${shown}`, 'change', STAGE_CANVAS);
  await chooser.setFiles(file);
  const readyMs = await shownAfter(page);
  // A long task is reported after it ends.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  await page.waitForTimeout(200);
  const longTasks = await takeLongTasks(page);
  rmSync(dirname(file), { recursive: true, force: true });
  return { readyMs, longTasks: longTasks.length, longest: Math.max(0, ...longTasks) };
}

/** One brush stroke of `durationMs` across a band of the image; per-move costs. */
export async function stroke(
  page: Page,
  cdp: CDPSession,
  at: (x: number, y: number) => { x: number; y: number },
  size: { width: number; height: number; band: number; durationMs: number },
) {
  const { width, height, band, durationMs } = size;
  const y0 = 0.2 + 0.3 * band;
  await watchLongTasks(page);
  const start = at(width * 0.1, height * y0);
  await page.mouse.move(start.x, start.y);
  const before = await mainThreadTime(cdp);
  await watchFrames(page);
  await page.mouse.down();
  // Moves are sent through CDP without waiting for each to be handled, paced at ~120 Hz
  // like a fast mouse or pen (Playwright's mouse.move waits for every event to finish).
  const t0 = Date.now();
  let moves = 0;
  const sent: Promise<unknown>[] = [];
  while (Date.now() - t0 < durationMs) {
    const t = (Date.now() - t0) / durationMs;
    const p = at(width * (0.1 + 0.8 * t), height * (y0 + 0.1 * Math.sin(t * Math.PI * 6)));
    sent.push(
      cdp.send('Input.dispatchMouseEvent', {
        type: 'mouseMoved',
        x: p.x,
        y: p.y,
        button: 'left',
        buttons: 1,
      }),
    );
    moves++;
    const wait = t0 + moves * MOVE_EVERY_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await Promise.all(sent);
  await timeStrokeEnd(page);
  await page.mouse.up();
  // The frame that shows the stroke's end is the last one counted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  const longestFrame = await takeLongestFrame(page);
  await page.waitForTimeout(300);
  const after = await mainThreadTime(cdp);
  const longTasks = await takeLongTasks(page);
  return {
    moves,
    scriptPerMove: (after.script - before.script) / moves,
    busyPerMove: (after.task - before.task) / moves,
    longTasks: longTasks.length,
    longest: Math.max(0, ...longTasks),
    longestFrame,
    endMs: await page.evaluate(() => (window as unknown as { __strokeEnd: number }).__strokeEnd),
  };
}

/**
 * Times the stroke's last event, `pointerup`, from a window listener that runs before the
 * stage's (capture) to one that runs after every other (bubble), microtasks included: what the
 * studio does as a stroke ends (undo step, journal, redraw) before the next frame can start.
 */
function timeStrokeEnd(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __strokeEnd: number };
    w.__strokeEnd = NaN;
    let start = 0;
    addEventListener('pointerup', () => (start = performance.now()), {
      capture: true,
      once: true,
    });
    addEventListener('pointerup', () => (w.__strokeEnd = performance.now() - start), {
      once: true,
    });
  });
}

/** Sums what each put into the editor's `journal` store copies, and how long it takes. */
const RECORD_JOURNAL_WRITES = `(() => {
  window.__journalWrites = { ms: 0, bytes: 0 };
  const put = IDBObjectStore.prototype.put;
  const bytes = (v) =>
    ArrayBuffer.isView(v) ? v.byteLength
    : v && typeof v === 'object' ? Object.values(v).reduce((sum, x) => sum + bytes(x), 0)
    : 0;
  IDBObjectStore.prototype.put = function (value, key) {
    if (this.name !== 'journal') return put.call(this, value, key);
    const start = performance.now();
    const request = put.call(this, value, key);
    window.__journalWrites.ms += performance.now() - start;
    window.__journalWrites.bytes += bytes(value);
    return request;
  };
})();`;

/** What the journal's puts copied since the last call, once its slices after the strokes ran. */
async function takeJournalWrites(page: Page): Promise<{ ms: number; mb: number }> {
  await page.waitForTimeout(500);
  return page.evaluate(() => {
    const w = window as unknown as { __journalWrites: { ms: number; bytes: number } };
    const { ms, bytes } = w.__journalWrites;
    w.__journalWrites = { ms: 0, bytes: 0 };
    return { ms, mb: bytes / 1e6 };
  });
}

/** The soft-brush strokes: the largest brush at the softest hardness the toolbar offers. */
const SOFT_BRUSH = { size: 512, hardness: 10 };

export async function softestLargestBrush(page: Page): Promise<void> {
  // The exports before leave the Rectangle tool chosen; Hardness belongs to the brush.
  await page.getByRole('radio', { name: 'Brush' }).click();
  for (const [name, key, value] of [
    ['Brush size', 'End', SOFT_BRUSH.size],
    ['Hardness', 'Home', SOFT_BRUSH.hardness],
  ] as const) {
    const slider = page.getByRole('slider', { name, exact: true });
    await slider.focus();
    await page.keyboard.press(key);
    const now = await slider.getAttribute('aria-valuenow');
    if (Number(now) !== value) throw new Error(`${name} is ${now}, expected ${value}`);
  }
  // Back on the stage: the strokes start with the pointer over it.
  await page.getByRole('application', { name: 'Mask canvas' }).focus();
}

/**
 * The studio keeps the paint for the next visit 700 ms after the last change (the saved
 * session): what that costs the main thread, from the end of the last stroke until `waitMs`
 * later (the snapshot, the PNG encode where it runs on the main thread, the IndexedDB write).
 */
async function sessionSave(page: Page, cdp: CDPSession, waitMs: number) {
  await watchLongTasks(page);
  const before = await mainThreadTime(cdp);
  await page.waitForTimeout(waitMs);
  const after = await mainThreadTime(cdp);
  const longTasks = await takeLongTasks(page);
  return { busyMs: after.task - before.task, longest: Math.max(0, ...longTasks) };
}

/** Exports after a small rectangle each time, so no export is served from the cache. */
async function exports(
  page: Page,
  at: (x: number, y: number) => { x: number; y: number },
  width: number,
  height: number,
  runs: number,
): Promise<number[]> {
  await page.evaluate(() => performance.clearMeasures('easel:export-mask'));
  for (let i = 0; i < runs; i++) {
    await page.getByRole('radio', { name: 'Rectangle' }).click();
    const a = at(width * 0.05 + i * 3, height * 0.05);
    const b = at(width * 0.05 + i * 3 + 20, height * 0.05 + 20);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 2 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Mask preview' }).click();
    await page.getByRole('img', { name: /^Mask to be sent/ }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Escape');
  }
  return page.evaluate(() =>
    performance.getEntriesByName('easel:export-mask').map((e) => e.duration),
  );
}

export const editorSuite: Suite = {
  name: 'editor',
  title: 'mask export and a 3 s brush stroke at 1024² and 3840x2160 (hard, then soft)',
  async run({ smoke, studio, newContext, log }) {
    const sizes = smoke
      ? [{ width: 384, height: 216 }]
      : [
          { width: 1024, height: 1024 },
          { width: 3840, height: 2160 },
        ];
    const strokes = smoke ? 1 : 3;
    const durationMs = smoke ? 500 : 3000;
    const exportRuns = smoke ? 2 : 15;
    const { url } = await studio();
    const context = await newContext();
    const page = await context.newPage();
    await page.addInitScript(RECORD_JOURNAL_WRITES);
    const metrics: Metric[] = [];
    const figure = (id: string) => metrics.find((m) => m.id === id)?.median;
    try {
      for (const { width, height } of sizes) {
        const size = `${width}x${height}`;
        await openImage(page, url, width, height);
        const at = await stageMapper(page);
        const cdp = await enablePerformanceMetrics(page);
        const results: Awaited<ReturnType<typeof stroke>>[] = [];
        for (let band = 0; band < strokes; band++)
          results.push(await stroke(page, cdp, at, { width, height, band, durationMs }));
        const save = await sessionSave(page, cdp, smoke ? 1500 : 3000);
        const times = await exports(page, at, width, height, exportRuns);
        // The soft brush (hardness below 100 %) stamps in script, per pixel of its bounds:
        // the largest brush at the softest hardness, at the largest size only.
        const soft: Awaited<ReturnType<typeof stroke>>[] = [];
        let journalled = { ms: 0, mb: 0 };
        if (width === sizes.at(-1)!.width) {
          await softestLargestBrush(page);
          await takeJournalWrites(page);
          for (let band = 0; band < strokes; band++)
            soft.push(await stroke(page, cdp, at, { width, height, band, durationMs }));
          journalled = await takeJournalWrites(page);
        }
        await cdp.detach();
        const of = (key: keyof Awaited<ReturnType<typeof stroke>>) => results.map((r) => r[key]);
        metrics.push(
          sampled(`export.${size}`, `mask export ${size}`, 'ms', times),
          sampled(
            `stroke.script-per-move.${size}`,
            `stroke ${size}: script / move`,
            'ms',
            of('scriptPerMove'),
            3,
          ),
          sampled(
            `stroke.busy-per-move.${size}`,
            `stroke ${size}: main thread / move`,
            'ms',
            of('busyPerMove'),
            3,
          ),
          sampled(
            `stroke.long-tasks.${size}`,
            `stroke ${size}: long tasks`,
            'count',
            of('longTasks'),
          ),
          sampled(
            `stroke.longest-task.${size}`,
            `stroke ${size}: longest task`,
            'ms',
            of('longest'),
          ),
          sampled(
            `stroke.longest-frame.${size}`,
            `stroke ${size}: longest frame`,
            'ms',
            of('longestFrame'),
          ),
          sampled(`stroke.moves.${size}`, `stroke ${size}: pointer moves`, 'count', of('moves')),
          sampled(
            `stroke.end.${size}`,
            `stroke ${size}: its end (pointerup)`,
            'ms',
            of('endMs'),
            1,
          ),
          single(
            `save.main-thread.${size}`,
            `session save ${size}: main thread`,
            'ms',
            save.busyMs,
          ),
          single(
            `save.longest-task.${size}`,
            `session save ${size}: longest task`,
            'ms',
            save.longest,
          ),
        );
        log(
          `  ${size}: export median ${figure(`export.${size}`)} ms, script/move ${figure(`stroke.script-per-move.${size}`)} ms, stroke end ${figure(`stroke.end.${size}`)} ms`,
        );
        if (soft.length > 0) {
          const ofSoft = (key: keyof Awaited<ReturnType<typeof stroke>>) => soft.map((r) => r[key]);
          const brush = `${size}, ${SOFT_BRUSH.size} px at ${SOFT_BRUSH.hardness} %`;
          metrics.push(
            sampled(
              `stroke.soft.script-per-move.${size}`,
              `soft stroke ${brush}: script / move`,
              'ms',
              ofSoft('scriptPerMove'),
              3,
            ),
            sampled(
              `stroke.soft.long-tasks.${size}`,
              `soft stroke ${brush}: long tasks`,
              'count',
              ofSoft('longTasks'),
            ),
            sampled(
              `stroke.soft.longest-task.${size}`,
              `soft stroke ${brush}: longest task`,
              'ms',
              ofSoft('longest'),
            ),
            sampled(
              `stroke.soft.longest-frame.${size}`,
              `soft stroke ${brush}: longest frame`,
              'ms',
              ofSoft('longestFrame'),
            ),
            sampled(
              `stroke.soft.end.${size}`,
              `soft stroke ${brush}: its end (pointerup)`,
              'ms',
              ofSoft('endMs'),
              1,
            ),
            single(
              `stroke.soft.journal-mb.${size}`,
              `soft strokes ${brush}: copied into the journal`,
              'MB',
              journalled.mb,
            ),
            single(
              `stroke.soft.journal-ms.${size}`,
              `soft strokes ${brush}: main thread in the journal's puts`,
              'ms',
              journalled.ms,
            ),
          );
          log(
            `  ${size} soft: longest task median ${figure(`stroke.soft.longest-task.${size}`)} ms, stroke end ${figure(`stroke.soft.end.${size}`)} ms, journal ${figure(`stroke.soft.journal-mb.${size}`)} MB in ${figure(`stroke.soft.journal-ms.${size}`)} ms`,
          );
        }
      }
      const large = smoke ? 640 : 8000;
      const png = await flatPng(large);
      const shown = smoke ? '640×640' : '4096×4096';
      const opens: Awaited<ReturnType<typeof openLarge>>[] = [];
      for (let i = 0; i < (smoke ? 1 : 3); i++) opens.push(await openLarge(page, url, png, shown));
      const id = `${large}x${large}`;
      metrics.push(
        sampled(
          `open.${id}`,
          `open a ${id} PNG: ready`,
          'ms',
          opens.map((o) => o.readyMs),
        ),
        sampled(
          `open.long-tasks.${id}`,
          `open ${id}: long tasks`,
          'count',
          opens.map((o) => o.longTasks),
        ),
        sampled(
          `open.longest-task.${id}`,
          `open ${id}: longest task`,
          'ms',
          opens.map((o) => o.longest),
        ),
      );
      log(`  open ${id}: ready in ${metrics.at(-3)!.median} ms`);
      const [photoWidth, photoHeight] = smoke ? [400, 300] : [4000, 3000];
      const photo = await photoJpeg(photoWidth, photoHeight);
      const photoId = `photo-${photoWidth}x${photoHeight}`;
      const photoOpens: number[] = [];
      for (let i = 0; i < (smoke ? 1 : 5); i++) {
        const open = await openLarge(page, url, photo, `${photoWidth}×${photoHeight}`, 'photo.jpg');
        photoOpens.push(open.readyMs);
      }
      metrics.push(
        sampled(
          `open.${photoId}`,
          `open a ${photoWidth}x${photoHeight} photo (JPEG): shown`,
          'ms',
          photoOpens,
        ),
      );
      log(`  open ${photoId}: shown in ${metrics.at(-1)!.median} ms`);
    } finally {
      await context.close();
    }
    return {
      suite: 'editor',
      measuredAt: new Date().toISOString(),
      config: {
        sizes,
        strokes,
        strokeMs: durationMs,
        moveEveryMs: MOVE_EVERY_MS,
        exportRuns,
        softBrush: SOFT_BRUSH,
        largeOpen: smoke ? '640x640, 1 run' : '8000x8000, 3 runs',
        photoOpen: smoke ? '400x300, 1 run' : '4000x3000 JPEG, 5 runs',
      },
      metrics,
    };
  },
};
