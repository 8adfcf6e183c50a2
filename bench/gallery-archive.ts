/**
 * Archive suite (`npm run bench:archive`): importing gallery archives of growing size in
 * Chromium, to show that import memory is bounded by the largest image, not by the archive.
 * For each size, a generated archive (real, incompressible PNGs of ~12 MB, stored) is put
 * into the gallery's Import field as a file on disk, like a designer picking it, and the
 * import runs to "Imported N images". Meanwhile, CDP is polled for the page's JS heap
 * (`Runtime.getHeapUsage`: V8 heap plus ArrayBuffer backing stores, where image bytes live
 * while they are checked); after it, the renderer process's peak resident memory (VmHWM, from
 * /proc, pid from `SystemInfo.getProcessInfo`) is read. Each run is a fresh context, so a
 * fresh renderer. 3 runs per size, medians. Smoke: one small archive, one run. Then a zip
 * bomb (bench/archive-bomb.ts): time to refusal and the renderer's peak.
 */
import type { CDPSession, Page } from '@playwright/test';
import { randomUUID, createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import sharp from 'sharp';
import { sampled, single, type Metric } from './harness/result.ts';
import type { Suite } from './harness/suite.ts';
import { measureZipBomb } from './archive-bomb.ts';
import { inFreshGallery } from './renderer-peak.ts';

const MB = 1024 * 1024;

async function noisePng(seed: number, edge: number): Promise<Buffer> {
  return sharp({
    create: {
      width: edge,
      height: edge,
      channels: 3,
      background: { r: seed % 255, g: 90, b: 160 },
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** A valid Easel archive of about `targetMb` MB, written to `path`; returns its entry count. */
async function writeArchive(path: string, targetMb: number, edge: number): Promise<number> {
  const pool = await Promise.all([1, 2, 3, 4].map((seed) => noisePng(seed, edge)));
  const count = Math.max(1, Math.round((targetMb * MB) / pool[0]!.length));
  const files: Zippable = {};
  const entries = [];
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const bytes = pool[i % pool.length]!;
    const id = randomUUID();
    const file = `images/${id}.png`;
    files[file] = [new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), { level: 0 }];
    const prompt = `noise study ${i}`;
    entries.push({
      id,
      kind: 'generation',
      batchId: id,
      index: 0,
      createdAt: now - i * 60_000,
      durationMs: 1500,
      prompt,
      model: 'gpt-image-1',
      params: { model: 'gpt-image-1', prompt, n: 1, size: `${edge}x${edge}` },
      provider: { name: 'Local engine', kind: 'local' },
      mime: 'image/png',
      width: edge,
      height: edge,
      byteLength: bytes.length,
      favourite: false,
      file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  const manifest = { format: 'easel-gallery', version: 1, exportedAt: now, entries, masks: [] };
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  writeFileSync(path, zipSync(files));
  return count;
}

/** The page's JS memory in MB: V8 heap in use plus ArrayBuffer backing stores. */
async function jsMemoryMb(cdp: CDPSession): Promise<number> {
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    backingStorageSize?: number;
  };
  return (usage.usedSize + (usage.backingStorageSize ?? 0)) / MB;
}

async function importMeasured(page: Page, path: string, count: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await jsMemoryMb(cdp);
  let peak = before;
  let importing = true;
  const polling = (async () => {
    while (importing) {
      peak = Math.max(peak, await jsMemoryMb(cdp));
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const started = performance.now();
  await page.getByLabel('Import gallery archive').setInputFiles(path);
  await page
    .getByRole('status', { name: 'Gallery progress' })
    .getByText(`Imported ${count} images`)
    .waitFor({ timeout: 600_000 });
  const durationMs = performance.now() - started;
  importing = false;
  await polling;
  await cdp.detach();
  return { durationMs, before, peak };
}

export const archiveSuite: Suite = {
  name: 'archive',
  title: 'importing gallery archives of growing size: JS memory and renderer peak',
  async run({ smoke, studio, newContext, log }) {
    const sizes = smoke ? [2] : [75, 300];
    const edge = smoke ? 512 : 2048;
    const runs = smoke ? 1 : 3;
    const { url } = await studio();
    const dir = mkdtempSync(join(tmpdir(), 'easel-bench-archive-'));
    const metrics: Metric[] = [];
    try {
      for (const sizeMb of sizes) {
        const path = join(dir, `gallery-${sizeMb}mb.zip`);
        const count = await writeArchive(path, sizeMb, edge);
        const archiveMb = readFileSync(path).length / MB;
        log(`  archive of ${archiveMb.toFixed(0)} MB, ${count} images`);
        const samples = {
          duration: [] as number[],
          peak: [] as number[],
          renderer: [] as number[],
        };
        for (let run = 1; run <= runs; run++) {
          const context = await newContext();
          try {
            const { result, rendererPeakMb } = await inFreshGallery(context, url, (page) =>
              importMeasured(page, path, count),
            );
            samples.duration.push(result.durationMs);
            samples.peak.push(result.peak - result.before);
            samples.renderer.push(rendererPeakMb);
            log(
              `  run ${run}: ${Math.round(result.durationMs)} ms, JS memory +${(result.peak - result.before).toFixed(1)} MB at peak, renderer peak RSS ${rendererPeakMb.toFixed(0)} MB`,
            );
          } finally {
            await context.close();
          }
        }
        const id = `import-${sizeMb}mb`;
        metrics.push(
          single(`${id}.archive`, `${sizeMb} MB: archive size`, 'MB', archiveMb),
          single(`${id}.images`, `${sizeMb} MB: images`, 'count', count),
          sampled(`${id}.duration`, `${sizeMb} MB: import time`, 'ms', samples.duration),
          sampled(`${id}.js-peak`, `${sizeMb} MB: JS memory peak (over idle)`, 'MB', samples.peak),
          sampled(`${id}.renderer-peak`, `${sizeMb} MB: renderer peak RSS`, 'MB', samples.renderer),
        );
      }
      metrics.push(...(await measureZipBomb({ dir, url, runs, newContext, log })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return {
      suite: 'archive',
      measuredAt: new Date().toISOString(),
      config: { sizesMb: sizes, imageEdge: edge, runs },
      metrics,
    };
  },
};
