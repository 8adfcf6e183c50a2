/**
 * A/B compare of any two gallery images: select two, Compare A/B, then the viewer's slider
 * (a divider on the picture) or side by side.
 */
import { expect, test } from '@playwright/test';
import { makeGalleryArchive, type SeededArchive } from './fixtures/gallery-archive.ts';
import { galleryGrid, openGallery, seedGallery } from './fixtures/gallery-page.ts';

let seeded: SeededArchive;
test.beforeAll(async () => {
  seeded = await makeGalleryArchive([
    { prompt: 'a lighthouse at dusk', ageMinutes: 1 },
    { prompt: 'a fox in fresh snow', ageMinutes: 2 },
    { prompt: 'a misty harbour', ageMinutes: 3 },
  ]);
});

test('two selected images compare as a slider and side by side', async ({ page }) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 3);
  const grid = galleryGrid(page);
  const compare = page.getByRole('button', { name: 'Compare A/B' });

  await grid.getByRole('checkbox', { name: 'Select a misty harbour' }).check();
  await expect(compare).toHaveCount(0);
  await grid.getByRole('checkbox', { name: 'Select a lighthouse at dusk' }).check();
  await grid.getByRole('checkbox', { name: 'Select a fox in fresh snow' }).check();
  await expect(compare).toHaveCount(0);
  await grid.getByRole('checkbox', { name: 'Select a lighthouse at dusk' }).uncheck();
  await compare.click();

  const viewer = page.getByRole('dialog', { name: 'Compare A and B' });
  await expect(viewer.getByText('A: a misty harbour · B: a fox in fresh snow')).toBeVisible();
  const a = viewer.getByRole('img', { name: 'Full image: a misty harbour' });
  const b = viewer.getByRole('img', { name: 'Full image: a fox in fresh snow' });
  await expect(a).toBeVisible();
  await expect(b).toBeVisible();
  // Slider: one picture over the other, split by a divider that starts half way.
  const divider = viewer.getByRole('slider', { name: 'Divide A and B' });
  await expect(divider).toHaveAttribute('aria-valuenow', '50');
  await divider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(divider).not.toHaveAttribute('aria-valuenow', '50');
  const [boxA, boxB] = [(await a.boundingBox())!, (await b.boundingBox())!];
  expect(Math.abs(boxA.x - boxB.x)).toBeLessThan(2);

  await viewer.getByRole('radio', { name: 'Side by side' }).click();
  await expect(divider).toHaveCount(0);
  await expect
    .poll(async () => (await b.boundingBox())!.x - (await a.boundingBox())!.x)
    .toBeGreaterThan(boxA.width / 2);

  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  await expect(compare).toBeFocused();
});
