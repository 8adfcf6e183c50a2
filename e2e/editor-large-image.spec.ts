/**
 * A large picture on the stage (issue 17): fitted to the window it is drawn from a smaller
 * copy made in the image worker, and it must still look right — a fine pattern reads as its
 * average, not as moiré — while zoomed in every image pixel is the image's own.
 */
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import {
  openEditor,
  pickImage,
  stage,
  stageView,
  wheelZoom,
  type StageView,
} from './editor-helpers.ts';
import { expect, test } from './page-errors.ts';

const SIDE = 4096;

/** A 4096² PNG of one-pixel black and white squares (the finest detail a picture can have). */
async function checkerPng(): Promise<Buffer> {
  const raw = Buffer.alloc(SIDE * SIDE);
  for (let y = 0; y < SIDE; y++) {
    for (let x = y & 1; x < SIDE; x += 2) raw[y * SIDE + x] = 255;
  }
  return sharp(raw, { raw: { width: SIDE, height: SIDE, channels: 1 } })
    .png()
    .toBuffer();
}

/** The stage as shown, in device pixels (grey levels), with the device pixel ratio. */
async function shownStage(page: Page) {
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  const png = await stage(page).screenshot();
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { dpr, width: info.width, at: (x: number, y: number) => data[y * info.width + x]! };
}

/** The device pixel at the centre of image pixel (i, j). */
function centreOf(view: StageView, dpr: number, i: number, j: number) {
  return {
    x: Math.floor((view.x + (i + 0.5) * view.scale) * dpr),
    y: Math.floor((view.y + (j + 0.5) * view.scale) * dpr),
  };
}

test('a 4096² picture reads as its average when fitted, and zoomed in every pixel is its own @dpr2', async ({
  page,
}) => {
  await openEditor(page);
  await pickImage(page, { name: 'checker.png', mimeType: 'image/png', buffer: await checkerPng() });
  await expect(page.getByText('checker.png · 4096×4096')).toBeVisible({ timeout: 60_000 });

  // Fitted: far less than one device pixel per image pixel.
  const fitted = await stageView(page);
  const shown = await shownStage(page);
  expect(fitted.scale * shown.dpr).toBeLessThan(0.5);
  // The middle of the picture, away from its edges: an even grey, as the eye averages it.
  const levels: number[] = [];
  for (let j = 1024; j < 3072; j += 37) {
    for (let i = 1024; i < 3072; i += 37) {
      const p = centreOf(fitted, shown.dpr, i, j);
      levels.push(shown.at(p.x, p.y));
    }
  }
  const mean = levels.reduce((a, b) => a + b, 0) / levels.length;
  expect(Math.abs(mean - 128)).toBeLessThan(24);
  expect(Math.max(...levels) - Math.min(...levels)).toBeLessThan(24);

  // Zoomed in until each image pixel is a block of screen pixels: black and white, exactly.
  let view = fitted;
  while (view.scale < 2) view = await wheelZoom(page, { x: 2048, y: 2048 }, 4);
  await page.mouse.move(0, 0); // the brush ring goes with the pointer
  const close = await shownStage(page);
  const box = await stage(page).boundingBox();
  let checked = 0;
  for (let j = 2030; j < 2066; j += 3) {
    for (let i = 2030; i < 2066; i += 3) {
      const p = centreOf(view, close.dpr, i, j);
      if (p.x < 0 || p.y < 0 || p.x >= box!.width * close.dpr || p.y >= box!.height * close.dpr)
        continue;
      expect(close.at(p.x, p.y), `image pixel ${i},${j}`).toBe((i + j) % 2 === 0 ? 255 : 0);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(100);
});
