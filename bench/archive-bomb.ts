/**
 * The archive suite's zip bomb: an Easel-shaped archive of a few MB whose three images
 * declare 1 GiB each (e2e/fixtures/zip-bomb.ts). Importing it used to take the renderer to
 * 5-6 GB and block the tab up to 32 s (issue 18); it must be refused from what it declares,
 * so the renderer's peak stays near an idle gallery's and the refusal comes at once.
 */
import type { BrowserContext } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipBomb } from '../e2e/fixtures/zip-bomb.ts';
import { sampled, single, type Metric } from './harness/result.ts';
import { inFreshGallery } from './renderer-peak.ts';

const MB = 1024 * 1024;

export async function measureZipBomb(options: {
  dir: string;
  url: string;
  runs: number;
  newContext: () => Promise<BrowserContext>;
  log: (line: string) => void;
}): Promise<Metric[]> {
  const { dir, url, runs, newContext, log } = options;
  const bomb = zipBomb([1024, 1024, 1024]);
  const path = join(dir, 'three-gigabytes.zip');
  writeFileSync(path, bomb);
  log(`  zip bomb of ${(bomb.length / MB).toFixed(1)} MB declaring 3 GiB of images`);
  const refusal: number[] = [];
  const renderer: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const context = await newContext();
    try {
      const { result, rendererPeakMb } = await inFreshGallery(context, url, async (page) => {
        const started = performance.now();
        await page.getByLabel('Import gallery archive').setInputFiles(path);
        await page
          .getByRole('alert', { name: 'Gallery problem' })
          .getByText('it may be a zip bomb')
          .waitFor({ timeout: 120_000 });
        return performance.now() - started;
      });
      refusal.push(result);
      renderer.push(rendererPeakMb);
      log(
        `  run ${run}: refused in ${Math.round(result)} ms, renderer peak RSS ${rendererPeakMb.toFixed(0)} MB`,
      );
    } finally {
      await context.close();
    }
  }
  return [
    single('zip-bomb.archive', 'zip bomb: archive size', 'MB', bomb.length / MB),
    sampled('zip-bomb.refusal', 'zip bomb: time to refusal', 'ms', refusal),
    sampled('zip-bomb.renderer-peak', 'zip bomb: renderer peak RSS', 'MB', renderer),
  ];
}
