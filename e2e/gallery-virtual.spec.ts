import { expect, test } from '@playwright/test';
import { makeGalleryArchive } from './fixtures/gallery-archive.ts';
import { galleryGrid, openGallery, seedGallery } from './fixtures/gallery-page.ts';

const COUNT = 400;

test('the grid keeps only visible tiles in the DOM, and object URLs do not outlive their view', async ({
  page,
}) => {
  const archive = await makeGalleryArchive(
    Array.from({ length: COUNT }, (_, i) => ({ prompt: `study number ${i}`, size: [64, 64] })),
  );
  await openGallery(page);
  await seedGallery(page, archive.zip, COUNT);
  // The listing catches up with a burst of imports within a second: wait until it holds all.
  await expect(page.getByText(`${COUNT} images`, { exact: true })).toBeVisible();
  const grid = galleryGrid(page);
  const tiles = grid.getByRole('gridcell');
  await expect(tiles.first()).toHaveAccessibleName(/^study number 0 /);
  const inDom = await tiles.count();
  expect(inDom).toBeGreaterThan(0);
  expect(inDom).toBeLessThan(COUNT / 4);
  // Tiles draw their stored thumbnail (decoded off the main thread) into a canvas.
  await expect(tiles.first().locator('canvas')).toHaveAttribute('data-state', 'shown');
  // The rows kept below the view wait for the screen's own, then load theirs, ready to scroll to.
  const belowView = tiles.last();
  await expect(belowView).not.toBeInViewport();
  await expect(belowView.locator('canvas')).toHaveAttribute('data-state', 'shown');

  // Scroll to the end from the keyboard: the last image is reachable, focused and drawn,
  // and the DOM still holds only a screenful of tiles.
  await tiles.first().focus();
  await page.keyboard.press('Control+End');
  const last = grid.getByRole('gridcell', { name: new RegExp(`^study number ${COUNT - 1} `) });
  await expect(last).toBeFocused();
  await expect(last.locator('canvas')).toHaveAttribute('data-state', 'shown');
  expect(await tiles.count()).toBeLessThan(COUNT / 4);
  await expect(grid.getByRole('gridcell', { name: /^study number 0 / })).toHaveCount(0);

  // The full image in the detail view is an object URL, revoked when the view closes.
  await page.keyboard.press('Enter');
  const full = page.getByRole('dialog').getByRole('img', { name: /^Full image/ });
  await expect(full).toHaveAttribute('src', /^blob:/);
  const url = await full.getAttribute('src');
  expect(await page.evaluate((u) => fetch(u).then((r) => r.ok), url!)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const loads = await page.evaluate(
    (u) =>
      fetch(u).then(
        () => true,
        () => false,
      ),
    url!,
  );
  expect(loads).toBe(false);
});

test('after a fast fling the tiles where the grid stops show their thumbnails', async ({
  page,
}) => {
  const archive = await makeGalleryArchive(
    Array.from({ length: COUNT }, (_, i) => ({ prompt: `fling ${i}`, size: [64, 64] })),
  );
  await openGallery(page);
  await seedGallery(page, archive.zip, COUNT);
  const grid = galleryGrid(page);
  await expect(grid.getByRole('gridcell').first().locator('canvas')).toHaveAttribute(
    'data-state',
    'shown',
  );
  // A hard fling: 600 px a frame to the middle of the grid, then stop. Tiles that only
  // cross the screen may skip their thumbnail; the ones the eye lands on must not.
  await grid.evaluate(async (el) => {
    const target = el.scrollHeight / 2;
    while (el.scrollTop < target) {
      el.scrollTop += 600;
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
  const view = (await grid.boundingBox())!;
  const onScreen = grid.getByRole('gridcell').filter({ visible: true });
  await expect(async () => {
    const states = await onScreen.evaluateAll(
      (cells, view) =>
        cells
          .filter((cell) => {
            const r = cell.getBoundingClientRect();
            return r.bottom > view.y && r.top < view.y + view.height;
          })
          .map((cell) => cell.querySelector('canvas')?.dataset.state ?? 'none'),
      view,
    );
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((s) => s === 'shown')).toBe(true);
  }).toPass();
});

test('coming back to the gallery, no frame draws the grid in one column before its real layout', async ({
  page,
}) => {
  const archive = await makeGalleryArchive(
    Array.from({ length: 12 }, (_, i) => ({ prompt: `return ${i}`, size: [64, 64] })),
  );
  await openGallery(page);
  await seedGallery(page, archive.zip, 12);
  const grid = galleryGrid(page);
  const columns = Number(await grid.getAttribute('aria-colcount'));
  expect(columns).toBeGreaterThan(1);

  await page.getByRole('tab', { name: 'Generate' }).click();
  // What each frame is about to draw, sampled at every animation frame while the tab returns.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenColumns: string[] }).seenColumns = seen;
    const sample = () => {
      const shown = document.querySelector('[role="grid"][aria-label="Gallery"]');
      if (shown) seen.push(shown.getAttribute('aria-colcount') ?? '');
      if (seen.length < 30) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await expect(grid).toHaveAttribute('aria-colcount', String(columns));
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { seenColumns: string[] }).seenColumns.length),
    )
    .toBeGreaterThanOrEqual(30);
  const seen = await page.evaluate(
    () => (window as unknown as { seenColumns: string[] }).seenColumns,
  );
  expect(new Set(seen)).toEqual(new Set([String(columns)]));
});
