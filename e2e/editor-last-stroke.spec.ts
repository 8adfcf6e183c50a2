/**
 * The last stroke (issue 16, item 3): a finished stroke, and the image under it, survive a
 * reload made at once — on a first visit too, when the image was opened just before.
 */
import type { Page } from '@playwright/test';
import {
  alphaAt,
  type DecodedImage,
  drag,
  landscapeJpeg,
  openEditor,
  openLandscape,
  pickImage,
  previewMask,
  stage,
} from './editor-helpers.ts';
import { expect, test } from './page-errors.ts';

/** The exported mask after a reload: transparent (alpha 0) where painted. */
async function maskAfterReload(page: Page, shown = 'landscape.jpg · 1600×1000') {
  await page.reload();
  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(page.getByText(shown)).toBeVisible();
  return previewMask(page);
}

test('on a first visit, an image opened and painted just before a reload comes back with its stroke', async ({
  page,
}) => {
  await openLandscape(page);
  await drag(page, [
    { x: 300, y: 400 },
    { x: 900, y: 400 },
  ]);
  const mask = await maskAfterReload(page);
  expect([mask.width, mask.height]).toEqual([1600, 1000]);
  expect(alphaAt(mask, 600, 400)).toBe(0);
  expect(alphaAt(mask, 600, 700)).toBe(255);
});

test('a stroke finished 0 ms before a reload is kept, with the strokes before it', async ({
  page,
}) => {
  await openLandscape(page);
  await drag(page, [
    { x: 200, y: 200 },
    { x: 700, y: 200 },
  ]);
  // Long enough for the session to be saved whole; the next stroke then comes on top.
  await page.waitForTimeout(1500);
  await drag(page, [
    { x: 200, y: 800 },
    { x: 700, y: 800 },
  ]);
  const mask = await maskAfterReload(page);
  expect(alphaAt(mask, 450, 200)).toBe(0);
  expect(alphaAt(mask, 450, 800)).toBe(0);
  expect(alphaAt(mask, 450, 500)).toBe(255);
});

/**
 * A 3200×2400 image: a change over most of it touches over a hundred of its 256² tiles, more
 * than the journal once took in one go (a change that large was only saved whole, which a
 * reload at once outruns).
 */
async function openLarge(page: Page) {
  await openEditor(page);
  await pickImage(page, {
    name: 'large.jpg',
    mimeType: 'image/jpeg',
    buffer: await landscapeJpeg(3200, 2400),
  });
  await expect(stage(page)).toBeVisible();
  await expect(page.getByText('large.jpg · 3200×2400')).toBeVisible();
}

/** The exported mask's alpha at an image point of the 3200×2400 image. */
const largeAlphaAt = (mask: DecodedImage, x: number, y: number) =>
  alphaAt(mask, Math.round((x * mask.width) / 3200), Math.round((y * mask.height) / 2400));

test('a wide soft stroke over most of a large image survives a reload made at once', async ({
  page,
}) => {
  await openLarge(page);
  for (const [name, key] of [
    ['Brush size', 'End'],
    ['Hardness', 'Home'],
  ] as const) {
    await page.getByRole('slider', { name, exact: true }).focus();
    await page.keyboard.press(key);
  }
  const passes = [300, 1200, 2100];
  await drag(
    page,
    passes.flatMap((y) => [
      { x: 150, y },
      { x: 3050, y },
    ]),
  );
  const mask = await maskAfterReload(page, 'large.jpg · 3200×2400');
  // The mask is sent at the edit size, the image's shape scaled: read it in image units.
  const at = (x: number, y: number) => largeAlphaAt(mask, x, y);
  for (const y of passes) {
    for (const x of [400, 1600, 2800]) expect(at(x, y), `painted at ${x},${y}`).toBe(0);
  }
  expect(at(400, 750), 'unpainted between the passes').toBe(255);
});

test('inverting the mask of a large image survives a reload made at once', async ({ page }) => {
  await openLarge(page);
  await drag(page, [
    { x: 200, y: 1200 },
    { x: 3000, y: 1200 },
  ]);
  // Long enough for the stroke to be saved whole: only the invert is left to keep.
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Invert mask' }).click();
  const mask = await maskAfterReload(page, 'large.jpg · 3200×2400');
  expect(largeAlphaAt(mask, 1600, 1200), 'the stroke, now outside the mask').toBe(255);
  expect(largeAlphaAt(mask, 1600, 400), 'the rest, now painted').toBe(0);
});
