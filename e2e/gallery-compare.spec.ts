/**
 * A/B compare of any two gallery images: select two, Compare A/B, then the viewer's slider
 * (a divider on the picture) or side by side.
 */
import { expect, test, type Page } from '@playwright/test';
import { makeGalleryArchive, type SeededArchive } from './fixtures/gallery-archive.ts';
import { galleryGrid, openGallery, seedGallery } from './fixtures/gallery-page.ts';
import { shownBytes } from './editor-helpers.ts';

let seeded: SeededArchive;
test.beforeAll(async () => {
  seeded = await makeGalleryArchive([
    { prompt: 'a lighthouse at dusk', ageMinutes: 1 },
    { prompt: 'a fox in fresh snow', ageMinutes: 2 },
    { prompt: 'a misty harbour', ageMinutes: 3 },
    { prompt: 'a tall tower', ageMinutes: 4, size: [64, 128] },
    { prompt: 'a wide valley', ageMinutes: 5, size: [192, 96] },
  ]);
});

/** Opens the seeded gallery, selects the two images (A then B) and opens Compare A/B. */
async function compareTwo(page: Page, a: string, b: string) {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 5);
  const grid = galleryGrid(page);
  await grid.getByRole('checkbox', { name: `Select ${a}` }).check();
  await grid.getByRole('checkbox', { name: `Select ${b}` }).check();
  await page.getByRole('button', { name: 'Compare A/B' }).click();
  return page.getByRole('dialog', { name: 'Compare A and B' });
}

test('two selected images compare as a slider and side by side', async ({ page }) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 5);
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

test('an image of the pair deleted in another tab ends the compare here; its Undo does not reopen it', async ({
  page,
  context,
}) => {
  const viewer = await compareTwo(page, 'a misty harbour', 'a fox in fresh snow');
  await expect(viewer).toBeVisible();
  const other = await context.newPage();
  await openGallery(other);
  await galleryGrid(other)
    .getByRole('gridcell', { name: /^a fox in fresh snow/ })
    .click();
  await other.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();

  await expect(viewer).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Gallery progress' })).toContainText(
    '“a fox in fresh snow” was deleted in another tab.',
  );
  await other.getByRole('button', { name: 'Undo' }).click();
  await expect(galleryGrid(page).getByRole('gridcell')).toHaveCount(5);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the original of a compared edit deleted in another tab ends the compare; its Undo does not reopen it', async ({
  page,
  context,
}) => {
  const lineage = await makeGalleryArchive([
    { prompt: 'the harbour by day', ageMinutes: 2 },
    { prompt: 'the harbour at night', parent: 0, mask: true, ageMinutes: 1 },
  ]);
  await openGallery(page);
  await seedGallery(page, lineage.zip, 2);
  await galleryGrid(page)
    .getByRole('gridcell', { name: /^the harbour at night/ })
    .click();
  await page
    .getByRole('dialog', { name: 'the harbour at night' })
    .getByRole('button', { name: 'Compare with original' })
    .click();
  const viewer = page.getByRole('dialog', { name: 'Compare with the original' });
  await expect(viewer).toBeVisible();

  const other = await context.newPage();
  await openGallery(other);
  await galleryGrid(other)
    .getByRole('gridcell', { name: /^the harbour by day/ })
    .click();
  await other.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(viewer).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Gallery progress' })).toContainText(
    '“the harbour by day” was deleted in another tab.',
  );
  await other.getByRole('button', { name: 'Undo' }).click();
  await expect(galleryGrid(page).getByRole('gridcell')).toHaveCount(2);
  await expect(page.getByRole('dialog', { name: 'Compare with the original' })).toHaveCount(0);
});

/** The drawn box's width ÷ height (its transform included). */
const aspect = (box: { width: number; height: number }) => box.width / box.height;

test('images of different shapes keep their own shape, and A and B swap @dpr2', async ({
  page,
}) => {
  const viewer = await compareTwo(page, 'a tall tower', 'a wide valley');
  const tall = viewer.getByRole('img', { name: 'Full image: a tall tower' });
  const wide = viewer.getByRole('img', { name: 'Full image: a wide valley' });
  await expect(tall).toBeVisible();
  await expect(wide).toBeVisible();
  const stage = (await viewer.locator('.zoom-stage').boundingBox())!;
  const shapes = async () => {
    const [t, w] = [(await tall.boundingBox())!, (await wide.boundingBox())!];
    return { tall: aspect(t), wide: aspect(w), t, w };
  };
  // Slider: both drawn in one shared box, each letterboxed at its own shape (1:2 and 2:1),
  // centred on the same point so the divider cuts both at the same place.
  await expect.poll(async () => (await shapes()).tall).toBeCloseTo(0.5, 1);
  await expect.poll(async () => (await shapes()).wide).toBeCloseTo(2, 1);
  const slider = await shapes();
  const centre = (b: { x: number; width: number }) => b.x + b.width / 2;
  expect(Math.abs(centre(slider.t) - centre(slider.w))).toBeLessThan(2);

  // Side by side: each keeps its shape, whole inside its own half of the stage.
  await viewer.getByRole('radio', { name: 'Side by side' }).click();
  await expect
    .poll(async () => (await shapes()).w.x)
    .toBeGreaterThan(stage.x + stage.width / 2 - 1);
  const pair = await shapes();
  expect(pair.tall).toBeCloseTo(0.5, 1);
  expect(pair.wide).toBeCloseTo(2, 1);
  expect(pair.t.x).toBeGreaterThanOrEqual(stage.x - 1);
  expect(pair.t.x + pair.t.width).toBeLessThanOrEqual(stage.x + stage.width / 2 + 1);
  expect(pair.w.x + pair.w.width).toBeLessThanOrEqual(stage.x + stage.width + 1);

  // Swap: B becomes A (the left pane), and the header says so.
  const subtitle = viewer.getByText(/^A: .* · B: /);
  const before = await subtitle.textContent();
  await viewer.getByRole('button', { name: 'Swap A/B' }).click();
  await expect(subtitle).not.toHaveText(before!);
  await expect
    .poll(async () => (await wide.boundingBox())!.x)
    .toBeLessThan(stage.x + stage.width / 2);
  expect(aspect((await tall.boundingBox())!)).toBeCloseTo(0.5, 1);
});

test('two images of different sizes: the header gives the size of each, not one for both', async ({
  page,
}) => {
  const viewer = await compareTwo(page, 'a tall tower', 'a wide valley');
  await expect(viewer.getByText('A 64 × 128 · B 192 × 96', { exact: true })).toBeVisible();

  // On a tablet the tools take a second row; Close stays in the top right corner, not after them.
  await page.setViewportSize({ width: 768, height: 1024 });
  const title = (await viewer.getByRole('heading', { name: 'Compare A and B' }).boundingBox())!;
  await expect
    .poll(async () => {
      const close = (await viewer.getByRole('button', { name: 'Close' }).boundingBox())!;
      return { right: close.x + close.width >= 768 - 24, top: close.y <= title.y + 8 };
    }, 'Close in the top right corner')
    .toEqual({ right: true, top: true });
});

test.describe('on a phone held upright', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('side by side puts A above B, each as wide as the screen, not two thin columns', async ({
    page,
  }) => {
    const viewer = await compareTwo(page, 'a misty harbour', 'a wide valley');
    // Which is A and which is B is said on a phone too, whole.
    const names = viewer.getByText('A: a misty harbour · B: a wide valley', { exact: true });
    await expect(names).toBeVisible();
    expect(await names.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await viewer.getByRole('radio', { name: 'Side by side' }).click();
    const a = viewer.getByRole('img', { name: 'Full image: a misty harbour' });
    const b = viewer.getByRole('img', { name: 'Full image: a wide valley' });
    const stage = (await viewer.locator('.zoom-stage').boundingBox())!;
    // The wide picture (2:1) takes most of the screen's width (side by side: under half),
    // in the lower half of the stage.
    await expect
      .poll(async () => (await b.boundingBox())!.width)
      .toBeGreaterThan(stage.width * 0.8);
    const [boxA, boxB] = [(await a.boundingBox())!, (await b.boundingBox())!];
    expect(boxB.y).toBeGreaterThan(stage.y + stage.height / 2 - 1);
    expect(boxA.y + boxA.height).toBeLessThanOrEqual(stage.y + stage.height / 2 + 1);
    // Panning drags both: a drag in the lower pane moves A as much as B.
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const [a0, b0] = [(await a.boundingBox())!, (await b.boundingBox())!];
    const from = { x: stage.x + stage.width / 2, y: stage.y + (stage.height * 3) / 4 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 20, { steps: 4 });
    await page.mouse.up();
    const [a1, b1] = [(await a.boundingBox())!, (await b.boundingBox())!];
    expect(b1.x - b0.x).toBeCloseTo(a1.x - a0.x, 0);
    expect(b1.y - b0.y).toBeCloseTo(a1.y - a0.y, 0);
  });
});

test('an edit compares with its original — an uploaded photo too — Before and After @dpr2', async ({
  page,
}) => {
  const lineage = await makeGalleryArchive([
    { prompt: '', kind: 'upload', fileName: 'harbour.png', ageMinutes: 4 },
    { prompt: 'the harbour at night', parent: 0, mask: true, ageMinutes: 3 },
    { prompt: 'the harbour in snow', parent: 1, mask: true, ageMinutes: 2 },
    { prompt: 'a red boat', ageMinutes: 1 },
  ]);
  const [upload, night, snow] = lineage.ids;
  await openGallery(page);
  await seedGallery(page, lineage.zip, 4);
  const grid = galleryGrid(page);

  // An image made from nothing stored has no original to compare with.
  await grid.getByRole('gridcell', { name: /^a red boat/ }).click();
  const boat = page.getByRole('dialog', { name: 'a red boat' });
  await expect(boat.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
  await expect(boat.getByRole('button', { name: 'Compare with original' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  for (const [title, id, parent, before] of [
    ['the harbour at night', night, upload, 'harbour.png'],
    ['the harbour in snow', snow, night, 'the harbour at night'],
  ] as const) {
    await grid.getByRole('gridcell', { name: new RegExp(`^${title}`) }).click();
    await page
      .getByRole('dialog', { name: title })
      .getByRole('button', { name: 'Compare with original' })
      .click();
    const viewer = page.getByRole('dialog', { name: 'Compare with the original' });
    await expect(viewer.getByText(`Before: ${before} · After: ${title}`)).toBeVisible();
    const shownBefore = viewer.getByRole('img', { name: `Before: ${before}` });
    const shownAfter = viewer.getByRole('img', { name: `After: ${title}` });
    // Each side is the stored picture itself, byte for byte.
    expect(await shownBytes(shownBefore)).toEqual(lineage.images.get(parent!));
    expect(await shownBytes(shownAfter)).toEqual(lineage.images.get(id!));
    await expect(viewer.getByRole('slider', { name: 'Divide Before and After' })).toBeVisible();
    await viewer.getByRole('radio', { name: 'Side by side' }).click();
    await expect
      .poll(async () => (await shownAfter.boundingBox())!.x)
      .toBeGreaterThan((await shownBefore.boundingBox())!.x + 10);
    // Closing goes back to the image's own view.
    await page.keyboard.press('Escape');
    await expect(viewer).toHaveCount(0);
    await expect(page.getByRole('dialog', { name: title })).toBeVisible();
    await page.keyboard.press('Escape');
  }
});
