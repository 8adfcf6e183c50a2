/**
 * Import suite (`npm run bench -- import`): how fast a backup of many small entries comes
 * back — the 50,000-entry archive of e2e/gallery-import-large.spec.ts (8×8 PNGs, stored),
 * put into the gallery's Import field as a file on disk, timed from the pick to "Imported
 * 50,000 images". Every entry is still hashed, checked, decoded and thumbnailed, so this is
 * the per-entry cost of an import, where the archive suite measures its per-byte cost.
 * The page's peak JS heap beside the renderer's peak RSS. Each run is a fresh context (an empty gallery). One run by default (it takes ~3 min on a
 * quiet machine, the longest suite); smoke: 300 entries.
 * BENCH_IMPORT_ENTRIES / BENCH_IMPORT_RUNS override the size and the runs (profiling).
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manyEntriesArchive } from '../e2e/fixtures/gallery-archive.ts';
import { sampled, single } from './harness/result.ts';
import type { Suite } from './harness/suite.ts';
import { inFreshGallery } from './renderer-peak.ts';

/**
 * The import's time, and the page's peak JS heap meanwhile (the main thread's V8 heap in use,
 * CDP `Runtime.getHeapUsage` every 250 ms: what the page holds of the gallery's listing).
 */
async function importTimed(page: Page, path: string, count: number) {
  const cdp = await page.context().newCDPSession(page);
  const heapMb = async () =>
    ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1e6;
  let heapPeakMb = await heapMb();
  let importing = true;
  const polling = (async () => {
    while (importing) {
      heapPeakMb = Math.max(heapPeakMb, await heapMb().catch(() => 0));
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const started = performance.now();
  try {
    await page.getByLabel('Import gallery archive').setInputFiles(path);
    await page
      .getByRole('status', { name: 'Gallery progress' })
      .getByText(`Imported ${count.toLocaleString('en')} images`)
      .waitFor({ timeout: 30 * 60_000 });
    return { durationMs: performance.now() - started, heapPeakMb };
  } finally {
    importing = false;
    await polling;
    await cdp.detach();
  }
}

export const importSuite: Suite = {
  name: 'import',
  title: 'importing an archive of many small entries: entries per second',
  async run({ smoke, studio, newContext, log }) {
    const count = Number(process.env.BENCH_IMPORT_ENTRIES) || (smoke ? 300 : 50_000);
    const runs = Number(process.env.BENCH_IMPORT_RUNS) || 1;
    const { url } = await studio();
    const dir = mkdtempSync(join(tmpdir(), 'easel-bench-import-'));
    const durations: number[] = [];
    const renderer: number[] = [];
    const heap: number[] = [];
    try {
      const path = join(dir, `gallery-${count}.zip`);
      writeFileSync(path, await manyEntriesArchive(count));
      for (let run = 1; run <= runs; run++) {
        const context = await newContext();
        try {
          const { result, rendererPeakMb } = await inFreshGallery(context, url, (page) =>
            importTimed(page, path, count),
          );
          const { durationMs, heapPeakMb } = result;
          durations.push(durationMs);
          renderer.push(rendererPeakMb);
          heap.push(heapPeakMb);
          log(
            `  run ${run}: ${count} entries in ${(durationMs / 1000).toFixed(1)} s = ${Math.round(count / (durationMs / 1000))} entries/s, renderer peak ${rendererPeakMb.toFixed(0)} MB, page JS heap peak ${heapPeakMb.toFixed(0)} MB`,
          );
        } finally {
          await context.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const id = `import-${count}`;
    return {
      suite: 'import',
      measuredAt: new Date().toISOString(),
      config: { entries: count, runs, image: '8x8 PNG, stored' },
      metrics: [
        single(`${id}.entries`, `${count} entries: entries`, 'count', count),
        sampled(`${id}.duration`, `${count} entries: import time`, 'ms', durations),
        sampled(
          `${id}.per-1000`,
          `${count} entries: time per 1,000 entries`,
          'ms',
          durations.map((ms) => (ms * 1000) / count),
        ),
        sampled(`${id}.renderer-peak`, `${count} entries: renderer peak RSS`, 'MB', renderer),
        sampled(`${id}.page-heap-peak`, `${count} entries: page JS heap peak`, 'MB', heap),
      ],
    };
  },
};
