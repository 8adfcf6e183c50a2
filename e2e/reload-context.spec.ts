/**
 * Context after a reload (issue 16, item 4): the studio reopens on the view you were on,
 * with this tab's results, the edit results strip and Compare, the brush size and the zoom.
 */
import {
  expect,
  generate,
  newestJob,
  pickOption,
  setSlider,
  shownImageSizes,
  test,
} from './generate-helpers.ts';
import { openLandscape, paintAndApplyEdit, stage } from './editor-helpers.ts';

test('a reload reopens the view the designer was on, in this tab only', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Gallery' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Gallery', level: 2 })).toBeVisible();

  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Edit' })).toHaveAttribute('aria-selected', 'true');

  // A new tab starts where a studio starts: on Generate.
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByRole('tab', { name: 'Generate' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

test('the brush size and the zoom are kept across a reload', async ({ page }) => {
  await openLandscape(page);
  const size = page.getByRole('slider', { name: 'Brush size' });
  await stage(page).hover();
  await page.keyboard.press(']');
  await expect(size).toHaveAttribute('aria-valuenow', '46');
  const zoom = page.getByRole('status', { name: 'Zoom level' });
  const fitted = await zoom.textContent();
  await page.getByRole('button', { name: /^Zoom in/ }).click();
  await page.getByRole('button', { name: /^Zoom in/ }).click();
  await expect(zoom).not.toHaveText(fitted ?? '');
  const zoomed = await zoom.textContent();
  await page.reload();
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Brush size' })).toHaveAttribute(
    'aria-valuenow',
    '46',
  );
  await expect(zoom).toHaveText(zoomed ?? '');
});

test('this tab’s results are listed again after a reload, with their images', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await pickOption(page, 'Model', /^DALL·E 2/);
  await pickOption(page, 'Size', /256 × 256/);
  await setSlider(page, 'Number of images', 2);
  for (const prompt of ['a paper boat', 'a tin robot']) {
    await generate(page, prompt);
    await expect(newestJob(page)).toHaveAccessibleName(new RegExp(prompt));
    await expect(newestJob(page).getByText('Saved', { exact: true })).toBeVisible();
  }

  await page.reload();
  const results = page.getByRole('region', { name: 'Results' });
  const cards = results.getByRole('article');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAccessibleName(/a tin robot/);
  await expect(cards.nth(1)).toHaveAccessibleName(/a paper boat/);
  await expect(results.getByText('2 this session')).toBeVisible();
  // The images themselves, read back from the gallery.
  expect(await shownImageSizes(cards.nth(0))).toEqual([
    [256, 256],
    [256, 256],
  ]);
  await expect(cards.nth(0).getByText('Saved', { exact: true })).toBeVisible();

  // Another tab starts with an empty list.
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByRole('region', { name: 'Results' }).getByRole('article')).toHaveCount(0);
});

test('an edit’s results strip and Compare come back after a reload, Before and After', async ({
  page,
}) => {
  // A composed edit on a loaded machine.
  test.setTimeout(120_000);
  await openLandscape(page);
  await paintAndApplyEdit(page, 'a lighthouse on the hill', [
    { x: 400, y: 400 },
    { x: 800, y: 400 },
  ]);
  const after = page.getByRole('img', { name: /^After/ });
  await expect(after).toBeVisible({ timeout: 60_000 });
  const strip = page.getByRole('navigation', { name: 'Edit results' });
  await expect(strip.getByRole('button', { name: /^Result 1: a lighthouse/ })).toBeVisible();
  // What the edit would cost on OpenAI, as the header says it (local engine).
  const cost = page.getByText(/^Would cost \$\d/);
  await expect(cost).toBeVisible();
  const said = await cost.textContent();

  await page.reload();
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Before: the image as sent' })).toBeVisible();
  await expect(after).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Compare before and after' })).toBeVisible();
  await expect(strip.getByRole('button', { name: /^Result 1: a lighthouse/ })).toBeVisible();
  // The header still says what it cost.
  await expect(page.getByText(said!, { exact: true })).toBeVisible();
  // The restored result is the picture itself, decoded at the image's size.
  await expect
    .poll(() => after.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBe(1600);
});
