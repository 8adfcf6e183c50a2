/**
 * A new image never silently throws away a painted mask: the editor asks first, and
 * "Keep editing" leaves the image and the painting as they were.
 */
import sharp from 'sharp';
import { expect, test } from './generate-helpers.ts';
import {
  alphaAt,
  confirmReplace,
  drag,
  landscapeJpeg,
  openLandscape,
  paintAndApplyEdit,
  pickImage,
  previewMask,
  stage,
} from './editor-helpers.ts';

test.beforeEach(async ({ engine }) => {
  expect(engine.url).toMatch(/^http:/);
});

test('opening another image over a painted mask asks first; Keep editing keeps both', async ({
  page,
}) => {
  await openLandscape(page);
  await drag(page, [
    { x: 400, y: 400 },
    { x: 800, y: 400 },
  ]);
  const red = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c33' } })
    .png()
    .toBuffer();
  await pickImage(page, { name: 'red.png', mimeType: 'image/png', buffer: red });

  const question = page.getByRole('alertdialog', { name: 'Replace the image?' });
  await expect(question).toBeVisible();
  await expect(question).toContainText('Your painted mask will be discarded');
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(question).toBeHidden();
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
  // The keyboard goes on from where the question came, not from the top of the page.
  await expect(page.getByRole('button', { name: 'Open another image…' })).toBeFocused();
  // The painting is still there (the API's convention: alpha 0 = edit here).
  expect(alphaAt(await previewMask(page), 600, 400)).toBe(0);

  await pickImage(page, { name: 'red.png', mimeType: 'image/png', buffer: red });
  await question.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByText('red.png · 300×200')).toBeVisible();
  // Nothing painted on the new image: opening yet another one does not ask.
  await pickImage(page, {
    name: 'small.jpg',
    mimeType: 'image/jpeg',
    buffer: await landscapeJpeg(640, 400),
  });
  await expect(page.getByText('small.jpg · 640×400')).toBeVisible();
  await expect(question).toBeHidden();
});

test('a new image replaces the Compare view and the results strip entirely', async ({ page }) => {
  // An edit composed back in the compose worker: slow on a loaded machine.
  test.setTimeout(120_000);
  await openLandscape(page);
  await paintAndApplyEdit(page, 'a lighthouse on the hill', [
    { x: 400, y: 400 },
    { x: 800, y: 400 },
  ]);
  await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 30_000 });
  const strip = page.getByRole('navigation', { name: 'Edit results' });
  await expect(strip.getByRole('button', { name: /^Result 1: a lighthouse/ })).toBeVisible();

  const red = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c33' } })
    .png()
    .toBuffer();
  await pickImage(page, { name: 'red.png', mimeType: 'image/png', buffer: red });
  await confirmReplace(page);
  await expect(page.getByText('red.png · 300×200')).toBeVisible();
  // The new image is on the stage to paint; nothing of the landscape's edit is left around it.
  await expect(stage(page)).toBeVisible();
  await expect(page.getByRole('img', { name: /^(After|Before)/ })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Compare' })).toHaveCount(0);
  await expect(strip).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit this result' })).toHaveCount(0);
});
