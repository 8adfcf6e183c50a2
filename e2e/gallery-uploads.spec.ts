/**
 * An edit of the designer's own file keeps where it started: the file is stored once in the
 * gallery as an "Uploaded" image (however many edits are made from it), the edit's lineage
 * points to it, and Gallery → Edit reopens it. A file of a type the gallery does not keep
 * (a GIF) is stored as a PNG of its picture.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import {
  confirmReplace,
  landscapeJpeg,
  openEditor,
  paintAndApplyEdit,
  pickImage,
  stage,
} from './editor-helpers.ts';
import { downloadBytes, galleryGrid } from './fixtures/gallery-page.ts';
import { expect, pickOption, test } from './generate-helpers.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('an edited photo is stored once as an Uploaded image, and the edits link to it', async ({
  page,
  engine,
}) => {
  // Two composed edits and a trip to the gallery: slow on a loaded machine.
  test.setTimeout(180_000);
  expect(engine.url).toMatch(/^http:/);
  const photo = await landscapeJpeg();
  const file = { name: 'landscape.jpg', mimeType: 'image/jpeg', buffer: photo };
  await openEditor(page);

  // The same photo, brought in twice (as after a reload), each time painted and edited.
  for (const prompt of ['a lighthouse on the hill', 'a red barn in the field']) {
    await pickImage(page, file);
    if (prompt !== 'a lighthouse on the hill') await confirmReplace(page);
    await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
    await expect(stage(page)).toBeVisible();
    await paintAndApplyEdit(page, prompt, [
      { x: 400, y: 400 },
      { x: 800, y: 400 },
    ]);
    const strip = page.getByRole('navigation', { name: 'Edit results' });
    await expect(
      strip.getByRole('button', { name: new RegExp(`^Result 1: ${prompt}`) }),
    ).toBeVisible({ timeout: 60_000 });
  }

  await page.getByRole('tab', { name: 'Gallery' }).click();
  await pickOption(page, 'Kind', 'Uploaded images');
  const uploads = galleryGrid(page).getByRole('gridcell');
  await expect(uploads).toHaveCount(1);
  await expect(uploads.first()).toHaveAccessibleName(/^landscape\.jpg \(uploaded\)/);
  await expect(uploads.first().getByText('Uploaded', { exact: true })).toBeVisible();

  await uploads.first().click();
  const upload = page.getByRole('dialog', { name: 'landscape.jpg' });
  await expect(upload.getByText('File', { exact: true })).toBeVisible();
  // Stored byte for byte as the designer brought it.
  const stored = await downloadBytes(page, () =>
    upload.getByRole('button', { name: 'Download' }).click(),
  );
  expect(sha256(stored)).toBe(sha256(photo));
  // Both edits were made from it.
  await expect(
    upload.getByRole('button', { name: 'Edit: a lighthouse on the hill' }),
  ).toBeVisible();
  await upload.getByRole('button', { name: 'Edit: a red barn in the field' }).click();

  const edit = page.getByRole('dialog', { name: 'a red barn in the field' });
  await expect(edit.getByRole('button', { name: 'Uploaded image: landscape.jpg' })).toBeVisible();
  await edit.getByRole('button', { name: 'Uploaded image: landscape.jpg' }).click();

  // Gallery → Edit on the upload reopens the photo in the editor.
  await upload.getByRole('button', { name: 'Edit', exact: true }).click();
  await confirmReplace(page);
  await expect(page.getByRole('tab', { name: 'Edit' })).toHaveAttribute('aria-selected', 'true');
  await expect(stage(page)).toBeVisible();
  await expect(page.getByText(/landscape.*· 1600×1000/)).toBeVisible();
});

test('an edited GIF is stored as a PNG of its picture: the gallery keeps PNG, JPEG and WebP', async ({
  page,
  engine,
}) => {
  test.setTimeout(120_000);
  expect(engine.url).toMatch(/^http:/);
  const gif = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: '#33aa33' },
  })
    .gif()
    .toBuffer();
  await openEditor(page);
  await pickImage(page, { name: 'swatch.gif', mimeType: 'image/gif', buffer: gif });
  await expect(page.getByText('swatch.gif · 1200×800')).toBeVisible();
  await expect(stage(page)).toBeVisible();
  await paintAndApplyEdit(page, 'a red door', [
    { x: 400, y: 400 },
    { x: 700, y: 400 },
  ]);
  await expect(
    page
      .getByRole('navigation', { name: 'Edit results' })
      .getByRole('button', { name: /^Result 1: a red door/ }),
  ).toBeVisible({ timeout: 60_000 });

  await page.getByRole('tab', { name: 'Gallery' }).click();
  await pickOption(page, 'Kind', 'Uploaded images');
  const uploads = galleryGrid(page).getByRole('gridcell');
  await expect(uploads).toHaveCount(1);
  await uploads.first().click();
  const upload = page.getByRole('dialog', { name: 'swatch.gif' });
  const stored = await downloadBytes(page, () =>
    upload.getByRole('button', { name: 'Download' }).click(),
  );
  const { data, info } = await sharp(stored).raw().toBuffer({ resolveWithObject: true });
  expect((await sharp(stored).metadata()).format).toBe('png');
  expect([info.width, info.height]).toEqual([1200, 800]);
  const middle = (400 * 1200 + 600) * info.channels;
  expect([...data.subarray(middle, middle + 3)]).toEqual([0x33, 0xaa, 0x33]);
});
