/**
 * Tiles drawn larger than the stored thumbnail (384 px): a Large tile on a 2x screen is ~670
 * device pixels. The thumbnail shows at once, then a sharper picture made from the stored
 * image replaces it, at the tile's own device-pixel size, without moving anything.
 */
import { expect, test, type Locator } from '@playwright/test';
import { makeGalleryArchive, type SeededArchive } from './fixtures/gallery-archive.ts';
import { galleryGrid, openGallery, seedGallery } from './fixtures/gallery-page.ts';

let seeded: SeededArchive;
test.beforeAll(async () => {
  seeded = await makeGalleryArchive([
    { prompt: 'a square harbour', size: [1024, 1024], ageMinutes: 1 },
    { prompt: 'a wide harbour', size: [1536, 1024], ageMinutes: 2 },
    { prompt: 'a small harbour', size: [256, 256], ageMinutes: 3 },
  ]);
});

/** The tile's canvas: its backing pixels, and the device pixels its picture covers. */
const pixels = (tile: Locator) =>
  tile.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const box = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio;
    // object-fit: contain — the picture fills the box along its longer side.
    const fit = Math.min(box.width / canvas.width, box.height / canvas.height);
    return {
      backing: [canvas.width, canvas.height],
      drawn: [Math.floor(canvas.width * fit * dpr), Math.floor(canvas.height * fit * dpr)],
      frame: [box.x, box.y, box.width, box.height],
    };
  });

const tile = (prompt: string) => (page: Parameters<typeof galleryGrid>[0]) =>
  galleryGrid(page).getByRole('gridcell', { name: new RegExp(`^${prompt}`) });

test('Large tiles draw as many pixels as they cover, with no shift, and Small ones let go @dpr2', async ({
  page,
}) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 3);
  await page.getByRole('button', { name: 'Large thumbnails' }).click();

  for (const prompt of ['a square harbour', 'a wide harbour']) {
    const canvas = tile(prompt)(page).locator('canvas');
    await expect(canvas).toHaveAttribute('data-state', /shown|sharp/);
    const first = await pixels(tile(prompt)(page));
    await expect
      .poll(async () => {
        const { backing, drawn } = await pixels(tile(prompt)(page));
        return backing[0]! >= drawn[0]! && backing[1]! >= drawn[1]!;
      }, `${prompt}: backing pixels cover the drawn picture`)
      .toBe(true);
    const sharp = await pixels(tile(prompt)(page));
    expect(sharp.frame, `${prompt}: nothing moved`).toEqual(first.frame);
    // Never larger than the image itself.
    expect(sharp.backing[0]).toBeLessThanOrEqual(prompt === 'a wide harbour' ? 1536 : 1024);
  }
  // A picture smaller than a thumbnail already is every pixel it has.
  const small = await pixels(tile('a small harbour')(page));
  expect(small.backing).toEqual([256, 256]);

  // Back to Small: the thumbnail covers the tile again, and the Large picture's memory goes.
  await page.getByRole('button', { name: 'Small thumbnails' }).click();
  for (const [prompt, thumbnail] of [
    ['a square harbour', [384, 384]],
    ['a wide harbour', [384, 256]],
  ] as const) {
    await expect
      .poll(async () => (await pixels(tile(prompt)(page))).backing, `${prompt}: the thumbnail`)
      .toEqual(thumbnail);
  }
});
