/** Context after a reload (issue 16, item 4): the studio reopens on the view you were on. */
import { expect, test } from './generate-helpers.ts';
import { openLandscape, stage } from './editor-helpers.ts';

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

test('the brush size is kept across a reload', async ({ page }) => {
  await openLandscape(page);
  const size = page.getByRole('slider', { name: 'Brush size' });
  await stage(page).hover();
  await page.keyboard.press(']');
  await expect(size).toHaveAttribute('aria-valuenow', '46');
  await page.reload();
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Brush size' })).toHaveAttribute(
    'aria-valuenow',
    '46',
  );
});
