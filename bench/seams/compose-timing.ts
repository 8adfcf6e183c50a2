/**
 * Compose timing in the studio: a 3840x2160 edit through the real UI (its engine drifts),
 * then the Feather slider moved one step at a time in Compare, each step composed at full
 * resolution in the compose worker and shown. Per step: the compose itself (measured in
 * the worker) and until the preview is on screen; over all of it, the main thread's long
 * tasks (the settle after the last step, which encodes and stores, included).
 */
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { takeLongTasks, watchLongTasks } from '../harness/page-metrics.ts';
import type { SuiteContext } from '../harness/suite.ts';
import { seamPictures } from './pictures.ts';
import { openWithoutEditorSession } from '../harness/fresh-editor.ts';

export interface ComposeTiming {
  openMs: number;
  composeMs: number[];
  shownMs: number[];
  longTasks: number[];
}

export async function openAndEdit(page: Page, url: string, width: number, height: number) {
  const city = seamPictures(width, height).find((p) => p.name === 'city')!;
  const png = await sharp(Buffer.from(city.rgba.buffer), { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
  await openWithoutEditorSession(page, url);
  await page.getByRole('tab', { name: 'Edit' }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Choose image…' }).click(),
  ]);
  await chooser.setFiles({ name: 'city.png', mimeType: 'image/png', buffer: png });
  const stage = page.getByRole('application', { name: 'Mask canvas' });
  await stage.waitFor({ timeout: 120_000 });
  await page.getByText(`city.png · ${width}×${height}`).waitFor({ timeout: 120_000 });
  await page.getByRole('radio', { name: 'Rectangle' }).click();
  const box = (await stage.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.35);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 4 });
  await page.mouse.up();
  const auto = page.getByRole('button', { name: 'Use size auto' });
  if (await auto.isVisible()) await auto.click();
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('a hot air balloon');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Apply edit' }).click();
  await page.getByRole('slider', { name: 'Feather' }).waitFor({ timeout: 300_000 });
  return Date.now() - t0;
}

/** Moves Feather one step at a time, each step waited for until shown; then the settle. */
export async function featherSteps(page: Page, steps: number): Promise<void> {
  await page.evaluate(() => performance.clearMeasures());
  const feather = page.getByRole('slider', { name: 'Feather' });
  await feather.focus();
  for (let i = 0; i < steps; i++) {
    await feather.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction(
      (n) => performance.getEntriesByName('easel:compose-shown').length >= n,
      i + 1,
      { timeout: 60_000 },
    );
  }
  // The settle: the composite encoded in the worker, stored, shown from the gallery blob.
  await page.waitForTimeout(3000);
}

export async function measureComposeTiming(
  ctx: SuiteContext,
  width: number,
  height: number,
  steps: number,
): Promise<ComposeTiming> {
  const { url } = await ctx.studio();
  const context = await ctx.newContext();
  const page = await context.newPage();
  try {
    const openMs = await openAndEdit(page, url, width, height);
    await watchLongTasks(page);
    await featherSteps(page, steps);
    const measures = await page.evaluate(() => ({
      compose: performance.getEntriesByName('easel:compose').map((e) => e.duration),
      shown: performance.getEntriesByName('easel:compose-shown').map((e) => e.duration),
    }));
    return {
      openMs,
      composeMs: measures.compose,
      shownMs: measures.shown,
      longTasks: await takeLongTasks(page),
    };
  } finally {
    await context.close();
  }
}
