/**
 * The image viewer: fit, 100% (one image pixel per CSS pixel at deviceScaleFactor 1), pan
 * by dragging, zoom about the pointer, and focus back on what opened it.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, generate, newestJob, openStudio, pickOption, test } from './generate-helpers.ts';

test.beforeEach(({ page, engine }) => openStudio(page, engine));

async function openWideResult(page: Page): Promise<Locator> {
  await pickOption(page, 'Model', 'GPT Image 1');
  await pickOption(page, 'Size', /1536 × 1024/);
  const job = await generate(page, 'a long harbour wall at low tide');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible({ timeout: 30_000 });
  await job.getByRole('button', { name: 'Open image 1 large' }).click();
  const viewer = page.getByRole('dialog', { name: 'a long harbour wall at low tide' });
  await expect(viewer.getByRole('img')).toHaveJSProperty('complete', true);
  return viewer;
}

const box = async (image: Locator) => (await image.boundingBox())!;

test('100% shows one image pixel per CSS pixel, and dragging pans the picture', async ({
  page,
}) => {
  const viewer = await openWideResult(page);
  const image = viewer.getByRole('img');
  // Fitted first: the whole 1536 × 1024 picture inside the 1440 × 900 window.
  const fitted = await box(image);
  expect(fitted.width).toBeLessThanOrEqual(1440);
  expect(fitted.width / fitted.height).toBeCloseTo(1.5, 2);
  await expect(viewer.getByRole('button', { name: 'Fit' })).toHaveAttribute('aria-pressed', 'true');

  await viewer.getByRole('button', { name: 'Actual size (100%)' }).click();
  await expect(viewer.getByRole('status', { name: 'Zoom level' })).toHaveText('100%');
  const actual = await box(image);
  expect([actual.width, actual.height]).toEqual([1536, 1024]);

  // Drag the picture 40 px left and 60 px up: it follows the pointer exactly.
  await page.mouse.move(720, 500);
  await page.mouse.down();
  await page.mouse.move(700, 470, { steps: 4 });
  await page.mouse.move(680, 440, { steps: 4 });
  await page.mouse.up();
  const panned = await box(image);
  expect(panned.x - actual.x).toBeCloseTo(-40, 0);
  expect(panned.y - actual.y).toBeCloseTo(-60, 0);
  expect([panned.width, panned.height]).toEqual([1536, 1024]);

  // The picture never leaves a gap at its edge: a long drag right stops at its left edge.
  await page.mouse.move(300, 500);
  await page.mouse.down();
  await page.mouse.move(1300, 500, { steps: 6 });
  await page.mouse.up();
  expect((await box(image)).x).toBeCloseTo(0, 0);

  // 0 fits again; Escape gives the focus back to the tile that opened the viewer.
  await page.keyboard.press('0');
  expect((await box(image)).width).toBeCloseTo(fitted.width, 0);
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  await expect(newestJob(page).getByRole('button', { name: 'Open image 1 large' })).toBeFocused();
});

test('the wheel zooms about the pointer: the pixel under it stays put', async ({ page }) => {
  const viewer = await openWideResult(page);
  const image = viewer.getByRole('img');
  const level = viewer.getByRole('status', { name: 'Zoom level' });
  const fitLevel = await level.textContent();
  const before = await box(image);
  // Whole pixels: mouse events carry integer coordinates.
  const pointer = {
    x: Math.round(before.x + before.width * 0.25),
    y: Math.round(before.y + before.height * 0.4),
  };
  const at = {
    x: (pointer.x - before.x) / before.width,
    y: (pointer.y - before.y) / before.height,
  };
  await page.mouse.move(pointer.x, pointer.y);
  await page.mouse.wheel(0, -400);
  await expect(level).not.toHaveText(fitLevel!);
  const after = await box(image);
  expect(after.width).toBeGreaterThan(before.width * 1.5);
  // The same image point is still under the pointer.
  expect(Math.abs(after.x + after.width * at.x - pointer.x)).toBeLessThan(1);
  expect(Math.abs(after.y + after.height * at.y - pointer.y)).toBeLessThan(1);
});
