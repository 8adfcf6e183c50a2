import { expect, test } from '@playwright/test';
import { makeGalleryArchive } from './fixtures/gallery-archive.ts';
import { galleryGrid, openGallery, seedGallery } from './fixtures/gallery-page.ts';

const COUNT = 400;

test('the grid keeps only visible tiles in the DOM and revokes their object URLs when they leave', async ({
  page,
}) => {
  const archive = await makeGalleryArchive(
    Array.from({ length: COUNT }, (_, i) => ({ prompt: `study number ${i}`, size: [64, 64] })),
  );
  await openGallery(page);
  await seedGallery(page, archive.zip, COUNT);
  const grid = galleryGrid(page);
  const tiles = grid.getByRole('gridcell');
  await expect(tiles.first()).toHaveAccessibleName(/^study number 0 /);
  await expect(grid).toHaveAttribute('aria-rowcount', /\d+/);
  const inDom = await tiles.count();
  expect(inDom).toBeGreaterThan(0);
  expect(inDom).toBeLessThan(COUNT / 4);

  // Thumbnails are shown through object URLs; remember the first screenful's.
  await expect(tiles.first().locator('img')).toHaveAttribute('src', /^blob:/);
  const firstUrls = await grid
    .locator('img[src^="blob:"]')
    .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).src));
  expect(firstUrls.length).toBeGreaterThan(4);

  // Scroll to the end from the keyboard: the last image is reachable and focused.
  await tiles.first().focus();
  await page.keyboard.press('Control+End');
  const last = grid.getByRole('gridcell', { name: new RegExp(`^study number ${COUNT - 1} `) });
  await expect(last).toBeFocused();
  await expect(last.locator('img')).toHaveAttribute('src', /^blob:/);
  expect(await tiles.count()).toBeLessThan(COUNT / 4);
  await expect(grid.getByRole('gridcell', { name: /^study number 0 / })).toHaveCount(0);

  // The first screenful's URLs were revoked when their tiles left: they no longer load.
  const stillLoading = await page.evaluate(async (urls) => {
    const results = await Promise.all(
      urls.map((url) =>
        fetch(url).then(
          () => true,
          () => false,
        ),
      ),
    );
    return results.filter(Boolean).length;
  }, firstUrls);
  expect(stillLoading).toBe(0);
});
