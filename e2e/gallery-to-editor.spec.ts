/**
 * Gallery images into the editor: "Pick from the gallery" in the empty Edit view, and a tile
 * dragged onto the Edit tab (which opens under the drag) then onto the canvas or the
 * reference images. Real drag and drop from Chromium's input pipeline, no synthetic events.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { confirmReplace, drag, stage } from './editor-helpers.ts';
import { makeGalleryArchive, type SeededArchive } from './fixtures/gallery-archive.ts';
import { galleryGrid, openGallery, seedGallery } from './fixtures/gallery-page.ts';

let seeded: SeededArchive;
test.beforeAll(async () => {
  seeded = await makeGalleryArchive([
    { prompt: 'a lighthouse at dusk', ageMinutes: 1 },
    { prompt: 'a fox in fresh snow', ageMinutes: 2, size: [384, 256] },
    { prompt: 'a misty harbour', ageMinutes: 3 },
    { prompt: 'the lighthouse, repainted red', ageMinutes: 4, parent: 0, mask: true },
  ]);
});

test.beforeEach(async ({ page }) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 4);
});

const shownName = (page: Page, words: string, size: string) =>
  page.getByText(new RegExp(`^easel-[\\d-]+-${words}-[0-9a-f]{8}\\.png · ${size}$`));

const centre = async (locator: Locator) => {
  // boundingBox() does not wait, and a tile laid out or drawn again (the grid refreshing after
  // the seeding) has none for a moment, even right after it was visible: ask until it has one.
  let box: { x: number; y: number; width: number; height: number } | null = null;
  await expect(async () => {
    box = await locator.boundingBox();
    expect(box).not.toBeNull();
  }).toPass({ timeout: 10_000 });
  const { x, y, width, height } = box!;
  return { x: x + width / 2, y: y + height / 2 };
};

/** Drags a gallery tile, rests on the Edit tab until it opens, then drops on `target()`. */
async function dragToEditor(page: Page, prompt: string, target: () => Locator) {
  const tile = galleryGrid(page).getByRole('gridcell', { name: new RegExp(`^${prompt}`) });
  // A hand presses on a tile it can see: one pressed off screen starts a text selection instead.
  await expect(tile).toBeInViewport();
  const from = await centre(tile);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 20, { steps: 4 });
  const tab = page.getByRole('tab', { name: 'Edit' });
  const over = await centre(tab);
  await page.mouse.move(over.x, over.y, { steps: 8 });
  // Resting on the tab opens the Edit view under the drag (a few small moves, as a hand makes).
  await expect(async () => {
    await page.mouse.move(over.x + 1, over.y, { steps: 1 });
    await page.mouse.move(over.x, over.y, { steps: 1 });
    await expect(tab).toHaveAttribute('aria-selected', 'true', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  const to = await centre(target());
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

test('Pick from the gallery in the empty Edit view opens the picked image', async ({ page }) => {
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Pick from the gallery…' }).click();
  const picker = page.getByRole('dialog', { name: 'Pick from the gallery' });
  await expect(picker.getByRole('button', { name: /^a / })).toHaveCount(3);
  await picker.getByRole('searchbox', { name: 'Search prompts' }).fill('FOX snow');
  await expect(picker.getByRole('button', { name: /^a / })).toHaveCount(1);
  await picker.getByRole('button', { name: 'a fox in fresh snow' }).click();
  await expect(picker).toBeHidden();
  await expect(stage(page)).toBeVisible();
  await expect(shownName(page, 'a-fox-in-fresh-snow', '384×256')).toBeVisible();
});

test('a tile dragged onto the Edit tab and dropped on the editor opens there; over a painted mask the editor asks first', async ({
  page,
}) => {
  await dragToEditor(page, 'a lighthouse at dusk', () =>
    page.getByRole('heading', { name: 'Bring in an image to edit' }),
  );
  await expect(stage(page)).toBeVisible();
  await expect(shownName(page, 'a-lighthouse-at-dusk', '256×256')).toBeVisible();

  await drag(page, [
    { x: 60, y: 60 },
    { x: 180, y: 120 },
  ]);
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await dragToEditor(page, 'a fox in fresh snow', () => stage(page));
  await confirmReplace(page);
  await expect(shownName(page, 'a-fox-in-fresh-snow', '384×256')).toBeVisible();
});

test('a tile dropped on the reference images becomes a reference, not the image to edit', async ({
  page,
}) => {
  await dragToEditor(page, 'a lighthouse at dusk', () =>
    page.getByRole('heading', { name: 'Bring in an image to edit' }),
  );
  await expect(shownName(page, 'a-lighthouse-at-dusk', '256×256')).toBeVisible();
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await dragToEditor(page, 'a misty harbour', () =>
    page.getByRole('region', { name: 'Reference images' }),
  );
  await expect(
    page.getByRole('button', { name: /^Remove reference easel-[\d-]+-a-misty-harbour-/ }),
  ).toBeVisible();
  await expect(page.getByText('1 of', { exact: false })).toBeVisible();
  await expect(shownName(page, 'a-lighthouse-at-dusk', '256×256')).toBeVisible();
});

test("an edit dragged onto the editor brings its mask, as the gallery's Edit does", async ({
  page,
}) => {
  await dragToEditor(page, 'the lighthouse, repainted red', () =>
    page.getByRole('heading', { name: 'Bring in an image to edit' }),
  );
  await expect(shownName(page, 'the-lighthouse-repainted-red', '256×256')).toBeVisible();
  // The carried mask is painted work: another image now asks before replacing it.
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await dragToEditor(page, 'a misty harbour', () => stage(page));
  await confirmReplace(page);
  await expect(shownName(page, 'a-misty-harbour', '256×256')).toBeVisible();
});
