/**
 * The crop-or-pad step for square-only models (DALL·E 2): cancelling it loses nothing, and
 * padding carries the painted mask to the same place in the picture.
 */
import { expect, pickOption, test } from './generate-helpers.ts';
import { drag, landscapeJpeg, pickImage, previewMask } from './editor-helpers.ts';

let errors: string[] = [];
test.beforeEach(async ({ page, engine }) => {
  errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  expect(engine.url).toMatch(/^http:/);
  await page.goto('/');
  await page.getByRole('tab', { name: 'Edit' }).click();
});
test.afterEach(() => expect(errors).toEqual([]));

test('cancelling the crop step keeps the image and mask that were open; DALL·E 2 waits for a square', async ({
  page,
}) => {
  await pickImage(page, {
    name: 'landscape.jpg',
    mimeType: 'image/jpeg',
    buffer: await landscapeJpeg(),
  });
  await drag(page, [
    { x: 300, y: 300 },
    { x: 700, y: 300 },
  ]);
  const painted = await previewMask(page);

  // A second, non-square image for DALL·E 2: cancel its crop step → the first one is back.
  await pickOption(page, 'Model', /^DALL·E 2/);
  await page
    .getByRole('dialog', { name: 'Make it square for DALL·E 2' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
  await expect(page.getByText('DALL·E 2 needs a square image: use “Make square…”.')).toBeVisible();
  await pickImage(page, {
    name: 'other.jpg',
    mimeType: 'image/jpeg',
    buffer: await landscapeJpeg(900, 600),
  });
  const crop = page.getByRole('dialog', { name: 'Make it square for DALL·E 2' });
  await expect(crop).toContainText('This one is 900×600');
  await crop.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
  expect(Buffer.compare((await previewMask(page)).data, painted.data)).toBe(0);

  // Padding instead: the whole picture on a transparent square, the painting moved with it.
  await page.getByRole('button', { name: 'Make square…' }).click();
  await page.getByRole('button', { name: 'Pad with transparency' }).click();
  await expect(page.getByText('landscape.jpg · 1024×1024')).toBeVisible();
  const padded = await previewMask(page);
  // 1600 → 1024: scale 0.64, and 300 px of padding above (192 px after scaling).
  expect(padded.data[((192 + 300 * 0.64) * 1024 + 500 * 0.64) * 4 + 3]).toBe(0);
  expect(padded.data[(100 * 1024 + 500) * 4 + 3]).toBe(255);
});
