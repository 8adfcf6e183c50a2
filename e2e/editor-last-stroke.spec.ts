/**
 * The last stroke (issue 16, item 3): a finished stroke, and the image under it, survive a
 * reload made at once — on a first visit too, when the image was opened just before.
 */
import { expect, test, type Page } from '@playwright/test';
import { alphaAt, drag, openLandscape, previewMask } from './editor-helpers.ts';

let errors: string[] = [];
test.beforeEach(({ page }) => {
  errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
});
test.afterEach(() => expect(errors).toEqual([]));

/** The exported mask after a reload: transparent (alpha 0) where painted. */
async function maskAfterReload(page: Page) {
  await page.reload();
  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
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
