/**
 * Jobs suite (`npm run bench:jobs`): what a finished request costs the page once the
 * designer has removed it from the list. 50 generations (the default model,
 * gpt-image-2.5-flare, 1024x1024, b64 PNG from the local engine), each removed with "Remove from the list" once saved; then,
 * after a forced garbage collection, the JS heap and the Blobs still alive in the page
 * (CDP Runtime.queryObjects on Blob.prototype, Files included) against the same figures
 * after one warm-up generation. A removed job's images live on in the gallery (IndexedDB),
 * not in the page: what grows here is memory the page can never use again.
 * 3 runs, each a fresh page. Smoke: 2 generations, 1 run.
 */
import type { CDPSession, Page } from '@playwright/test';
import { heapAfterGcMb } from './harness/page-metrics.ts';
import { sampled } from './harness/result.ts';
import type { Suite } from './harness/suite.ts';

/** The Blobs (and Files) the page still references, after a forced GC. */
async function liveBlobs(cdp: CDPSession): Promise<{ count: number; mb: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { result: prototype } = await cdp.send('Runtime.evaluate', {
    expression: 'Blob.prototype',
  });
  const { objects } = await cdp.send('Runtime.queryObjects', {
    prototypeObjectId: prototype.objectId!,
  });
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId: prototype.objectId!,
    functionDeclaration:
      // File.prototype is in the list too (its chain holds Blob.prototype): not a Blob.
      `function (found) {
        const blobs = found.filter((b) => b !== File.prototype);
        return { count: blobs.length, bytes: blobs.reduce((s, b) => s + b.size, 0) };
      }`,
    arguments: [{ objectId: objects.objectId! }],
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`Counting Blobs: ${exceptionDetails.text}`);
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId! });
  const value = result.value as { count: number; bytes: number };
  return { count: value.count, mb: value.bytes / 1024 / 1024 };
}

/** Generates once and removes the job from the list when it is saved. */
async function generateAndDismiss(page: Page, prompt: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const card = page.getByRole('article', { name: `Generation: ${prompt}` });
  await card.getByText('Saved', { exact: true }).waitFor({ timeout: 60_000 });
  await card.getByRole('button', { name: 'Remove from the list' }).click();
  await card.waitFor({ state: 'detached' });
}

export const jobsSuite: Suite = {
  name: 'jobs',
  title: '50 generations removed from the list: page memory left behind',
  async run({ smoke, studio, newContext, log }) {
    const { url } = await studio();
    const generations = smoke ? 2 : 50;
    const runs = smoke ? 1 : 3;
    const heapGrowth: number[] = [];
    const blobCount: number[] = [];
    const blobMb: number[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await newContext();
      try {
        const page = await context.newPage();
        await page.goto(url);
        await page.getByRole('combobox', { name: 'Size', exact: true }).click();
        await page.getByRole('option', { name: /^1024 × 1024/ }).click();
        const cdp = await context.newCDPSession(page);
        await generateAndDismiss(page, `warm-up ${run}`);
        const heapBefore = await heapAfterGcMb(cdp);
        const blobsBefore = await liveBlobs(cdp);
        for (let i = 0; i < generations; i++)
          await generateAndDismiss(page, `a lighthouse at dusk, run ${run} take ${i + 1}`);
        const heapAfter = await heapAfterGcMb(cdp);
        const blobsAfter = await liveBlobs(cdp);
        heapGrowth.push(heapAfter - heapBefore);
        blobCount.push(blobsAfter.count - blobsBefore.count);
        blobMb.push(blobsAfter.mb - blobsBefore.mb);
        log(
          `  run ${run + 1}: heap +${(heapAfter - heapBefore).toFixed(1)} MB, ` +
            `${blobsAfter.count - blobsBefore.count} Blobs (${(blobsAfter.mb - blobsBefore.mb).toFixed(1)} MB) still alive`,
        );
        await cdp.detach();
      } finally {
        await context.close();
      }
    }
    return {
      suite: 'jobs',
      measuredAt: new Date().toISOString(),
      config: { model: 'gpt-image-2.5-flare', size: '1024x1024', generations, runs },
      metrics: [
        sampled(
          'heap-growth',
          `JS heap growth after ${generations} removed jobs`,
          'MB',
          heapGrowth,
        ),
        sampled(
          'blobs-alive',
          `Blobs still alive after ${generations} removed jobs`,
          'count',
          blobCount,
        ),
        sampled(
          'blob-mb-alive',
          `Blob bytes still alive after ${generations} removed jobs`,
          'MB',
          blobMb,
        ),
      ],
    };
  },
};
