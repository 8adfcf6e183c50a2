import { galleryTiles } from './fixtures/gallery-page.ts';
import {
  expect,
  generate,
  newestJob,
  openStudio,
  pickOption,
  promptBox,
  setSlider,
  shownImageSizes,
  test,
} from './generate-helpers.ts';

/**
 * A provider's 200 answer whose image bytes are not a picture of the announced type (the
 * engine's bad-bytes fault) is refused at arrival: never saved as an image nothing can show,
 * never in an export that cannot be restored. The good images of the same answer are kept.
 */
test.beforeEach(async ({ page, engine }) => {
  await openStudio(page, engine);
  await pickOption(page, 'Model', 'GPT Image 1');
});

test('an error page instead of the image fails the job, says so, and Try again works', async ({
  page,
  engine,
}) => {
  await engine.queueFaults([{ type: 'bad-bytes', bytes: 'html' }]);
  const job = await generate(page, 'a lighthouse in fog');
  const alert = job.getByRole('alert');
  await expect(alert).toContainText('Test engine sent an image Easel cannot use.');
  await expect(alert).toContainText('The image was a web page (HTML), not a picture.');
  await expect(alert).toContainText('Nothing was saved; your prompt and settings are kept.');
  await expect(job.getByRole('img', { name: /^Result / })).toHaveCount(0);
  await expect(promptBox(page)).toHaveValue('a lighthouse in fog');

  await alert.getByRole('button', { name: 'Try again' }).click();
  const retried = newestJob(page);
  await expect(retried.getByText('Saved', { exact: true })).toBeVisible();
  expect(await shownImageSizes(retried)).toEqual([[1024, 1024]]);
  await expect(await galleryTiles(page)).toHaveCount(1);
});

test('a header claiming 50000×50000 in one of two images: that one is named, the other saved, and Try again asks for it alone', async ({
  page,
  engine,
}) => {
  await engine.queueFaults([{ type: 'bad-bytes', bytes: 'huge-header', image: 1 }]);
  await setSlider(page, 'Number of images', 2);
  const job = await generate(page, 'two kites over a ridge');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  const alert = job.getByRole('alert');
  await expect(alert).toContainText('Test engine sent an image Easel cannot use.');
  await expect(alert).toContainText('Image 2 was a PNG claiming 50000×50000 pixels');
  await expect(alert).toContainText('It was not saved; the other image is.');
  expect(await shownImageSizes(job)).toEqual([[1024, 1024]]);

  // Try again asks only for the missing image, and it joins the same card.
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toHaveCount(0);
  await expect
    .poll(() => shownImageSizes(job))
    .toEqual([
      [1024, 1024],
      [1024, 1024],
    ]);
  await expect(page.getByRole('region', { name: 'Results' }).getByRole('article')).toHaveCount(1);
  const sent = (await engine.requests()).filter((r) => r.operation === 'generate');
  expect(sent.map((r) => Number(r.fields.n))).toEqual([2, 1]);
  await expect(await galleryTiles(page)).toHaveCount(2);
  // Its request's record went with the save: nothing comes back interrupted.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Gallery', selected: true })).toBeVisible();
  await expect(await galleryTiles(page)).toHaveCount(2);
  await page.getByRole('tab', { name: 'Generate' }).click();
  await expect(page.getByText('Interrupted', { exact: true })).toHaveCount(0);
});

test('a JPEG that ends properly but does not decode: that one is named, the other saved', async ({
  page,
  engine,
}) => {
  // Its structure is sound (a broken Huffman table): only the browser's decode sees it.
  await engine.queueFaults([{ type: 'bad-bytes', bytes: 'jpeg-bad-tables', image: 1 }]);
  await pickOption(page, 'Model', 'DALL·E 2');
  await pickOption(page, 'Size', /256 × 256/);
  await setSlider(page, 'Number of images', 2);
  const job = await generate(page, 'two herons in a marsh');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  const alert = job.getByRole('alert');
  await expect(alert).toContainText('Image 2 was a damaged JPEG: its picture data does not decode');
  await expect(alert).toContainText('It was not saved; the other image is.');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(await shownImageSizes(job)).toEqual([[256, 256]]);
  await expect(await galleryTiles(page)).toHaveCount(1);
});
