import type { Page } from '@playwright/test';
import sharp from 'sharp';
import {
  confirmReplace,
  drag,
  paintAndApplyEdit,
  paintedPixels,
  previewMask,
  stage,
} from './editor-helpers.ts';
import { sha256 } from './fixtures/gallery-archive.ts';
import { downloadBytes, galleryGrid } from './fixtures/gallery-page.ts';
import {
  expect,
  generate,
  newestJob,
  openStudio,
  pickOption,
  pickSegment,
  promptBox,
  setSlider,
  test,
  TEST_ENGINE_NAME,
} from './generate-helpers.ts';

test.beforeEach(({ page, engine }) => openStudio(page, engine));

/** Generates `prompt` on `model`, with any other settings `set` makes first. */
async function generateWith(page: Page, model: string, prompt: string, set?: () => Promise<void>) {
  await pickOption(page, 'Model', model);
  await set?.();
  return generate(page, prompt);
}

async function openInGallery(page: Page, prompt: string) {
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await galleryGrid(page)
    .getByRole('gridcell', { name: new RegExp(`^${prompt}`) })
    .click();
  return page.getByRole('dialog', { name: prompt });
}

/** Generates `prompt` on GPT Image 1.5 and, once it is saved, opens it in the editor from the gallery. */
async function editFromGallery(page: Page, prompt: string) {
  const job = await generateWith(page, 'GPT Image 1.5', prompt);
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  const detail = await openInGallery(page, prompt);
  await detail.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(stage(page)).toBeVisible();
}

test('a generated image is in the gallery after a reload, with its bytes and metadata', async ({
  page,
}) => {
  const job = await generateWith(page, 'GPT Image 1', 'a copper kettle on a stove');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  const shown = await downloadBytes(page, () =>
    job.getByRole('button', { name: 'Download image 1' }).click(),
  );

  await page.reload();
  // This tab's result is listed again, and the gallery holds it.
  await expect(newestJob(page)).toHaveAccessibleName(/a copper kettle on a stove/);
  const detail = await openInGallery(page, 'a copper kettle on a stove');
  await expect(detail.getByText(`${TEST_ENGINE_NAME} (OpenAI-compatible)`)).toBeVisible();
  await expect(detail.getByText('GPT Image 1', { exact: true })).toBeVisible();
  await expect(detail.getByText(/\d+ in .* out · \d+ total/)).toBeVisible();
  const stored = await downloadBytes(page, () =>
    detail.getByRole('button', { name: 'Download' }).click(),
  );
  expect(sha256(stored)).toBe(sha256(shown));
  const meta = await sharp(stored).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['png', 1024, 1024]);
});

test('images deleted in the gallery leave their job card, as after a reload; Undo brings them back', async ({
  page,
}) => {
  await setSlider(page, 'Number of images', 2);
  const job = await generate(page, 'two paper lanterns');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  const shown = job.getByRole('img', { name: /^Result \d+:/ });
  await expect(shown).toHaveCount(2);

  const tiles = galleryGrid(page).getByRole('gridcell', { name: /^two paper lanterns/ });
  const deleteOne = async (left: number) => {
    await page.getByRole('tab', { name: 'Gallery' }).click();
    await expect(tiles).toHaveCount(left + 1);
    await tiles.first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    // Closed once the delete is done (while open, the grid is hidden from roles).
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(tiles).toHaveCount(left);
  };
  const backToGenerate = () => page.getByRole('tab', { name: 'Generate' }).click();

  await deleteOne(1);
  await backToGenerate();
  await expect(shown).toHaveCount(1);

  // Undo puts it back on the card.
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(tiles).toHaveCount(2);
  await backToGenerate();
  await expect(shown).toHaveCount(2);

  // With both deleted, the card goes, as a reload would leave it out.
  await deleteOne(1);
  await deleteOne(0);
  await backToGenerate();
  await expect(
    page
      .getByRole('region', { name: 'Results' })
      .getByRole('article', { name: /two paper lanterns/ }),
  ).toHaveCount(0);
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'Results' })
      .getByRole('article', { name: /two paper lanterns/ }),
  ).toHaveCount(0);
});

test('a url result is fetched and stored as bytes, not as a link', async ({ page, engine }) => {
  const job = await generateWith(page, 'DALL·E 3', 'a lighthouse at dusk', () =>
    pickSegment(page, 'Response format', 'Link'),
  );
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  const [request] = await engine.requests();
  expect(request?.fields.response_format).toBe('url');

  await page.reload();
  const detail = await openInGallery(page, 'a lighthouse at dusk');
  await expect(detail.getByText(/1024 × 1024 · PNG · [\d.]+ (KB|MB)/)).toBeVisible();
  await expect(detail.getByText(/link only/)).toHaveCount(0);
  const stored = await downloadBytes(page, () =>
    detail.getByRole('button', { name: 'Download' }).click(),
  );
  const meta = await sharp(stored).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['png', 1024, 1024]);
});

test('variations started from the gallery come back linked to their parent', async ({
  page,
  engine,
}) => {
  const job = await generateWith(page, 'DALL·E 2', 'a paper crane');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  // Variations make as many images as the Number of images setting asks.
  await setSlider(page, 'Number of images', 4);
  const detail = await openInGallery(page, 'a paper crane');
  await detail.getByRole('button', { name: 'Make variations' }).click();
  await expect(page.getByRole('tab', { name: 'Generate' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const variationJob = newestJob(page);
  await expect(variationJob).toHaveAccessibleName(/^Variations/);
  // Four 1024² pictures take the engine a few seconds, more on a loaded machine: wait for its
  // answer (the real condition), then the job must be saved within the usual time.
  await expect
    .poll(async () => (await engine.requests()).map((r) => [r.operation, r.status]), {
      timeout: 60_000,
    })
    .toEqual([
      ['generate', 200],
      ['variation', 200],
    ]);
  await expect(variationJob.getByText('Saved', { exact: true })).toBeVisible();

  await page.getByRole('tab', { name: 'Gallery' }).click();
  await pickOption(page, 'Kind', 'Variations');
  const variations = galleryGrid(page).getByRole('gridcell');
  await expect(variations).toHaveCount(4);
  await variations.first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Parent: a paper crane' }).click();
  const parent = page.getByRole('dialog', { name: 'a paper crane' });
  await expect(parent.getByRole('button', { name: /^Variation:/ })).toHaveCount(4);
});

test('reuse settings from the gallery fills the prompt panel', async ({ page }) => {
  const job = await generateWith(page, 'GPT Image 1 mini', 'a tiny greenhouse, isometric');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  await pickOption(page, 'Model', 'DALL·E 3');
  await promptBox(page).fill('something else');
  const detail = await openInGallery(page, 'a tiny greenhouse, isometric');
  await detail.getByRole('button', { name: 'Reuse settings' }).click();
  await expect(page.getByRole('tab', { name: 'Generate' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(promptBox(page)).toHaveValue('a tiny greenhouse, isometric');
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveText(/GPT Image 1 mini$/);
});

test('an edit made from a gallery image shows its parent, its mask, and the parent lists it', async ({
  page,
  engine,
  request,
}) => {
  // A generation, an edit, a reload and a second trip to the editor: slow on a loaded machine.
  test.setTimeout(150_000);
  await editFromGallery(page, 'a quiet harbour at dawn');
  await paintAndApplyEdit(page, 'a red sailboat in the harbour', [
    { x: 300, y: 300 },
    { x: 700, y: 420 },
  ]);
  await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 30_000 });

  await page.reload();
  const edit = await openInGallery(page, 'a red sailboat in the harbour');
  await expect(edit.getByText('Edit', { exact: true }).first()).toBeVisible();
  await expect(edit.getByRole('button', { name: 'Parent: a quiet harbour at dawn' })).toBeVisible();

  // The stored mask is byte for byte the one the engine received.
  const sent = (await engine.requests()).find((r) => r.operation === 'edit')!;
  const logged = (await (await request.get(`${engine.url}/__engine/requests`)).json()) as {
    id: string;
    files: { field: string }[];
  }[];
  const files = logged.find((r) => r.id === sent.id)!.files;
  const maskFile = await request.get(
    `${engine.url}/__engine/requests/${sent.id}/files/${files.findIndex((f) => f.field === 'mask')}`,
  );
  const maskImage = edit.getByRole('img', { name: /The mask painted for this edit/ });
  await expect(maskImage).toHaveAttribute('src', /^blob:/);
  const storedMask = await maskImage.evaluate(async (img: HTMLImageElement) =>
    Array.from(new Uint8Array(await (await fetch(img.src)).arrayBuffer())),
  );
  expect(sha256(Buffer.from(storedMask))).toBe(sha256(await maskFile.body()));

  await edit.getByRole('button', { name: 'Parent: a quiet harbour at dawn' }).click();
  const parent = page.getByRole('dialog', { name: 'a quiet harbour at dawn' });
  await expect(
    parent.getByRole('button', { name: 'Edit: a red sailboat in the harbour' }),
  ).toBeVisible();

  // Edit on the edit goes on with its mask, as the editor's own "Edit this result" does.
  await parent.getByRole('button', { name: 'Edit: a red sailboat in the harbour' }).click();
  const again = page.getByRole('dialog', { name: 'a red sailboat in the harbour' });
  await again.getByRole('button', { name: 'Edit', exact: true }).click();
  // The editor still holds the first edit's painted mask, which the carried one replaces.
  await confirmReplace(page);
  await expect(stage(page)).toBeVisible();
  expect(paintedPixels(await previewMask(page))).toBeGreaterThan(1000);
});

test('after a reload on the Gallery, Edit meets the mask painted before the reload and asks before discarding it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await editFromGallery(page, 'a lighthouse on a cliff');
  await drag(page, [
    { x: 300, y: 300 },
    { x: 700, y: 420 },
  ]);

  // Reloaded on the Gallery: the editor is not on screen, so its last session has not been
  // reopened yet when Edit brings the same picture in.
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await page.reload();
  const again = await openInGallery(page, 'a lighthouse on a cliff');
  await again.getByRole('button', { name: 'Edit', exact: true }).click();
  const question = page.getByRole('alertdialog', { name: 'Replace the image?' });
  await expect(question).toBeVisible({ timeout: 30_000 });
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(stage(page)).toBeVisible();
  expect(paintedPixels(await previewMask(page))).toBeGreaterThan(1000);
});
