/**
 * Saved before shown (issue 16, item 1): a result appears only once its bytes are durable in
 * IndexedDB, so a reload the instant the images show — on a first visit, when the thumbnail
 * worker and the database are still starting — finds them all in the gallery.
 */
import type { Page } from '@playwright/test';
import { galleryGrid } from './fixtures/gallery-page.ts';
import { expect, openStudio, pickOption, promptBox, setSlider, test } from './generate-helpers.ts';

/** Reloads from inside the page in the same task a result image enters it: no test latency. */
async function reloadWhenAResultShows(page: Page) {
  await page.evaluate(() => {
    const shown = () => document.querySelector('img[alt^="Result "]');
    new MutationObserver(() => {
      if (shown()) location.reload();
    }).observe(document.body, { childList: true, subtree: true });
  });
}

test('two images shown on a first visit are both in the gallery after a reload made at once', async ({
  page,
  engine,
}) => {
  await openStudio(page, engine);
  await pickOption(page, 'Model', 'DALL·E 2');
  await pickOption(page, 'Size', /256 × 256/);
  await setSlider(page, 'Number of images', 2);
  await promptBox(page).fill('two lanterns by a canal');
  await reloadWhenAResultShows(page);
  // Should the reload come while the job still counts as running, the user confirms leaving.
  page.on('dialog', (dialog) => void dialog.accept());
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await reloaded;

  await page.getByRole('tab', { name: 'Gallery' }).click();
  await expect(
    galleryGrid(page).getByRole('gridcell', { name: /^two lanterns by a canal/ }),
  ).toHaveCount(2);
});
