import {
  expect,
  generate,
  openStudio,
  pickOption,
  setSlider,
  shownImageSizes,
  test as base,
} from './generate-helpers.ts';
import { startEngine } from './fixtures/engine.ts';
import { galleryTiles } from './fixtures/gallery-page.ts';

/**
 * Over a real connection a 1024² result takes a few hundred ms to arrive, and the studio
 * decodes and checks each image as its bytes come (src/api/early-images.ts). Here the engine
 * delivers photo-sized answers (grain) at 20 Mbit/s, as a provider across the internet does:
 * what is kept and what is refused must be exactly what the check after the last byte would
 * keep and refuse, and the results must have been read on arrival.
 */
const test = base.extend<object, { workerEngine: Awaited<ReturnType<typeof startEngine>> }>({
  workerEngine: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      const engine = await startEngine(['--faults', '--grain', '10', '--bandwidth', '20']);
      await provide(engine);
      await engine.stop();
    },
    { scope: 'worker' },
  ],
});

/** The images this page read as their answers arrived (a User Timing mark each). */
const readOnArrival = (page: import('@playwright/test').Page) =>
  page.evaluate(() => performance.getEntriesByName('easel:image-read-on-arrival').length);

test.beforeEach(async ({ page, engine }) => {
  await openStudio(page, engine); // the paced engine is the provider before the page loads
  await pickOption(page, 'Model', 'GPT Image 1');
});

test('photo-sized results arriving over a connection are read as they come, saved and shown', async ({
  page,
}) => {
  await setSlider(page, 'Number of images', 2);
  const job = await generate(page, 'a harbour at dawn, film grain');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(job).toContainText('Test engine');
  expect(await shownImageSizes(job)).toEqual([
    [1024, 1024],
    [1024, 1024],
  ]);
  expect(await readOnArrival(page), 'read on arrival').toBe(2);
  await expect(await galleryTiles(page)).toHaveCount(2);
});

test('an image cut short inside a slow answer is refused by name, and the other one kept', async ({
  page,
  engine,
}) => {
  await engine.queueFaults([{ type: 'bad-bytes', bytes: 'truncated', image: 0 }]);
  await setSlider(page, 'Number of images', 2);
  const job = await generate(page, 'two boats, film grain');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible({ timeout: 20_000 });
  const alert = job.getByRole('alert');
  await expect(alert).toContainText('Image 1 was a damaged PNG: it is cut short');
  await expect(alert).toContainText('It was not saved; the other image is.');
  expect(await shownImageSizes(job)).toEqual([[1024, 1024]]);
  expect(await readOnArrival(page), 'read on arrival').toBe(2);
  await expect(await galleryTiles(page)).toHaveCount(1);
});
