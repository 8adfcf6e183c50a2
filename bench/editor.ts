/**
 * `npm run bench:editor`: how the mask editor performs in a real Chromium (Playwright), on
 * the built studio served by `vite preview`. Not a test: it measures and reports.
 * For a 1024x1024 and a 3840x2160 image:
 * - mask export (snapshot, worker cut + 0/255 alpha, PNG encode), 15 runs: median and max,
 *   from the studio's own User Timing measure `easel:export-mask`;
 * - a 3-second brush stroke driven at ~120 pointer moves a second: main-thread script time
 *   per pointer move (CDP Performance.ScriptDuration) and long tasks (> 50 ms).
 * - opening an 8000x8000 image: time until the stage shows it (decoded and scaled to
 *   4096 px in the image worker), and the main thread's long tasks meanwhile.
 * Writes bench/results/editor.json and prints a table. Figures are medians unless named.
 */
import { spawn, execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import sharp from 'sharp';

const PORT = Number(process.env.BENCH_PORT ?? 7301);
const SIZES = [
  { width: 1024, height: 1024 },
  { width: 3840, height: 2160 },
];
const EXPORT_RUNS = 15;
const STROKE_MS = 3000;
const MOVE_EVERY_MS = 8;

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function image(width: number, height: number): Promise<Buffer> {
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

async function startPreview(): Promise<() => void> {
  execSync('npx vite build', { stdio: 'ignore' });
  const child = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return () => process.kill(-child.pid!, 'SIGTERM');
}

async function stageMapper(page: Page) {
  const stage = page.getByRole('application', { name: 'Mask canvas' });
  const d = await stage.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  const box = (await stage.boundingBox())!;
  return (x: number, y: number) => ({
    x: box.x + Number(d.offsetX) + x * Number(d.scale),
    y: box.y + Number(d.offsetY) + y * Number(d.scale),
  });
}

async function measureSize(page: Page, width: number, height: number) {
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.evaluate(() => indexedDB.deleteDatabase('easel-editor'));
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
  const at = await stageMapper(page);

  // --- the 3-second stroke ------------------------------------------------------------
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const script = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'ScriptDuration')!.value * 1000;
  };
  // Moves are sent through CDP without waiting for each to be handled, paced at ~120 Hz like
  // a fast mouse or pen (Playwright's mouse.move waits for every event to finish).
  const start = at(width * 0.1, height * 0.5);
  await page.mouse.move(start.x, start.y);
  const scriptBefore = await script();
  await page.mouse.down();
  const t0 = Date.now();
  let moves = 0;
  const sent: Promise<unknown>[] = [];
  while (Date.now() - t0 < STROKE_MS) {
    const t = (Date.now() - t0) / STROKE_MS;
    const p = at(width * (0.1 + 0.8 * t), height * (0.5 + 0.35 * Math.sin(t * Math.PI * 6)));
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
  await page.mouse.up();
  await page.waitForTimeout(300);
  const scriptAfter = await script();
  const longTasks = await page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks,
  );

  // --- mask export, each run after a small change so nothing is cached -----------------
  for (let i = 0; i < EXPORT_RUNS; i++) {
    await page.getByRole('radio', { name: 'Rectangle' }).click();
    const a = at(width * 0.05 + i * 3, height * 0.05);
    const b = at(width * 0.05 + i * 3 + 20, height * 0.05 + 20);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 2 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Mask preview' }).click();
    await page.getByRole('img', { name: /^Mask to be sent/ }).waitFor();
    await page.keyboard.press('Escape');
  }
  const exports = await page.evaluate(() =>
    performance.getEntriesByName('easel:export-mask').map((e) => e.duration),
  );
  await cdp.detach();
  return {
    size: `${width}x${height}`,
    exportMs: {
      median: round(median(exports)),
      max: round(Math.max(...exports)),
      runs: exports.length,
    },
    stroke: {
      durationMs: STROKE_MS,
      pointerMoves: moves,
      scriptMsPerMove: round((scriptAfter - scriptBefore) / moves, 2),
      longTasks: longTasks.length,
      longestTaskMs: round(Math.max(0, ...longTasks)),
    },
  };
}

async function measureHugeIntake(page: Page) {
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.evaluate(() => indexedDB.deleteDatabase('easel-editor'));
  await page.getByRole('tab', { name: 'Edit' }).click();
  const png = await sharp({
    create: { width: 8000, height: 8000, channels: 3, background: { r: 90, g: 140, b: 200 } },
  })
    .png()
    .toBuffer();
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Choose image…' }).click(),
  ]);
  const t0 = Date.now();
  await chooser.setFiles({ name: 'huge.png', mimeType: 'image/png', buffer: png });
  await page.getByText('huge.png · 4096×4096').waitFor({ timeout: 120_000 });
  const readyMs = Date.now() - t0;
  const longTasks = await page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks,
  );
  return {
    size: '8000x8000',
    readyMs,
    longTasks: longTasks.length,
    longestTaskMs: round(Math.max(0, ...longTasks)),
  };
}

async function main() {
  const stop = await startPreview();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
    });
    const results = [];
    for (const { width, height } of SIZES) results.push(await measureSize(page, width, height));
    const intake = await measureHugeIntake(page);
    mkdirSync('bench/results', { recursive: true });
    const report = { when: new Date().toISOString(), chromium: browser.version(), results, intake };
    writeFileSync('bench/results/editor.json', JSON.stringify(report, null, 2) + '\n');
    console.table(
      results.map((r) => ({
        image: r.size,
        'export median ms': r.exportMs.median,
        'export max ms': r.exportMs.max,
        'script ms / move': r.stroke.scriptMsPerMove,
        moves: r.stroke.pointerMoves,
        'long tasks': r.stroke.longTasks,
        'longest task ms': r.stroke.longestTaskMs,
      })),
    );
    console.log(
      `Opening an 8000x8000 PNG: ready in ${intake.readyMs} ms; ${intake.longTasks} long tasks, longest ${intake.longestTaskMs} ms.`,
    );
    console.log('Written to bench/results/editor.json');
  } finally {
    await browser.close();
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
