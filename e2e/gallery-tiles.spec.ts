/**
 * The gallery's tiles: a remembered thumbnail size, and Favourite / Download / Edit /
 * More like this on each tile — shown on hover, in the tab order with the focus, and behind
 * an Actions button on a touch screen (no hover there).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { makeGalleryArchive, type SeededArchive } from './fixtures/gallery-archive.ts';
import { downloadBytes, galleryGrid, openGallery, seedGallery } from './fixtures/gallery-page.ts';

let seeded: SeededArchive;
test.beforeAll(async () => {
  seeded = await makeGalleryArchive([
    { prompt: 'a lighthouse at dusk', model: 'dall-e-2', ageMinutes: 1 },
    { prompt: 'a fox in fresh snow', model: 'dall-e-2', ageMinutes: 2 },
    { prompt: 'a misty harbour', model: 'dall-e-2', ageMinutes: 3 },
  ]);
});

test.beforeEach(async ({ page }) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 3);
});

const tile = (page: Page, prompt: string) =>
  galleryGrid(page).getByRole('gridcell', { name: new RegExp(`^${prompt}`) });
const action = (tile: Locator, name: string | RegExp) =>
  tile.getByRole('button', { name, exact: typeof name === 'string' });
const width = async (locator: Locator) => {
  await expect(locator).toBeVisible(); // the seeded tiles may still be on their way
  return (await locator.boundingBox())!.width;
};

test('the thumbnail size changes how big the tiles are, and is remembered', async ({ page }) => {
  const fox = tile(page, 'a fox in fresh snow');
  const medium = await width(fox);
  await page.getByRole('button', { name: 'Small thumbnails' }).click();
  await expect.poll(() => width(fox)).toBeLessThan(medium * 0.85);
  await page.getByRole('button', { name: 'Large thumbnails' }).click();
  await expect.poll(() => width(fox)).toBeGreaterThan(medium * 1.3);
  const large = await width(fox);

  await page.reload();
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await expect(page.getByRole('button', { name: 'Large thumbnails' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(() => width(tile(page, 'a fox in fresh snow'))).toBeCloseTo(large, 0);
});

test('hovering a tile shows its actions; each one works without opening the tile', async ({
  page,
}) => {
  const fox = tile(page, 'a fox in fresh snow');
  const harbour = tile(page, 'a misty harbour');
  await expect(action(fox, 'Favourite')).toBeHidden();
  await fox.hover();
  for (const name of ['Favourite', 'Download', 'Edit'])
    await expect(action(fox, name)).toBeVisible();
  await expect(action(fox, /^(Make variations|More like this)$/)).toBeVisible();
  await expect(action(harbour, 'Favourite')).toBeHidden();

  await action(fox, 'Favourite').click();
  await expect(action(fox, 'Favourite')).toHaveAttribute('aria-pressed', 'true');
  await expect(fox).toHaveAccessibleName(/, favourite\)$/);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const id = seeded.ids[1]!;
  const bytes = await downloadBytes(page, () => action(fox, 'Download').click());
  expect(bytes.equals(seeded.images.get(id)!)).toBe(true);

  await action(fox, 'Edit').click();
  await expect(page.getByRole('tab', { name: 'Edit' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/-a-fox-in-fresh-snow-[0-9a-f]{8}\.png · 256×256$/)).toBeVisible();

  await page.getByRole('tab', { name: 'Gallery' }).click();
  await harbour.hover();
  await action(harbour, /^(Make variations|More like this)$/).click();
  await expect(page.getByRole('tab', { name: 'Generate' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const newestJob = page.getByRole('region', { name: 'Results' }).getByRole('article').first();
  await expect(newestJob).toHaveAccessibleName(/^(Variations|More like this)/);
});

test('the focused tile shows its actions and Tab reaches them', async ({ page }) => {
  const lighthouse = tile(page, 'a lighthouse at dusk');
  // From the toolbar, Tab on (past the import notice's buttons) until the grid's tab stop.
  await page.getByRole('button', { name: 'Large thumbnails' }).focus();
  for (let i = 0; i < 8 && !(await lighthouse.evaluate((e) => e === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(lighthouse).toBeFocused();
  await expect(action(lighthouse, 'Favourite')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(action(lighthouse, 'Favourite')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(action(lighthouse, 'Favourite')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(lighthouse).toBeFocused();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('an Actions button opens the tile actions, each at least 44 px', async ({ page }) => {
    const fox = tile(page, 'a fox in fresh snow');
    const actions = action(fox, 'Actions');
    await expect(actions).toBeVisible();
    await expect(action(fox, 'Favourite')).toBeHidden();
    await actions.tap();
    await expect(actions).toHaveAttribute('aria-expanded', 'true');
    // The open menu's dark overlay covers the whole picture, the tile's checkbox too.
    const check = (await fox.getByRole('checkbox').boundingBox())!;
    const onTop = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest('[role="group"]')?.ariaLabel,
      [check.x + check.width / 2, check.y + check.height / 2],
    );
    expect(onTop, 'the overlay, not the checkbox, is on top').toBe('Image actions');
    for (const name of ['Favourite', 'Download', 'Edit']) {
      const box = (await action(fox, name).boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    }
    // A tap on the overlay beside the buttons only dismisses it: the image does not open.
    const overlay = (await fox.getByRole('group', { name: 'Image actions' }).boundingBox())!;
    await page.touchscreen.tap(overlay.x + 8, overlay.y + overlay.height - 8);
    await expect(actions).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await actions.tap();
    await action(fox, 'Favourite').tap();
    await expect(fox).toHaveAccessibleName(/, favourite\)$/);
    await expect(action(fox, 'Favourite')).toBeHidden();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // With no hover, what "Not persistent" means, and what to do about it, is a tap away.
    await page.getByRole('button', { name: 'Not persistent' }).tap();
    await expect(page.getByRole('dialog', { name: 'Not persistent' })).toContainText(
      'Export all keeps a copy',
    );
  });

  test('with images selected, every action of the selection bar is on the screen, and Delete’s notice too', async ({
    page,
  }) => {
    // No hover on a touch screen: each tile shows its checkbox, or nothing could be selected.
    const fox = page.getByRole('checkbox', { name: 'Select a fox in fresh snow' });
    await expect(fox).toHaveCSS('opacity', '1');
    // A finger's 44 × 44 px around the box selects (the tile actions are 44 px too), while
    // the box itself stays small.
    const check = (await fox.boundingBox())!;
    expect(check.width).toBeLessThanOrEqual(24);
    const [cx, cy] = [check.x + check.width / 2, check.y + check.height / 2];
    for (const [dx, dy] of [
      [-21, -21],
      [21, -21],
      [-21, 21],
      [21, 21],
    ] as const) {
      const hit = await page.evaluate(
        ([x, y]) => {
          const el = document.elementFromPoint(x!, y!);
          const box = el instanceof HTMLLabelElement ? el.control : el;
          return box?.getAttribute('aria-label') ?? el?.className ?? null;
        },
        [cx + dx, cy + dy],
      );
      expect(hit, `a tap ${dx}, ${dy} px from the box’s centre selects`).toBe(
        'Select a fox in fresh snow',
      );
    }
    await page.touchscreen.tap(cx + 20, cy + 20);
    await expect(fox).toBeChecked();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Select a misty harbour' }).tap();
    const bar = page.getByRole('toolbar', { name: 'Selected images' });
    await expect(bar).toContainText('2 selected');
    const width = page.viewportSize()!.width;
    for (const button of await bar.getByRole('button').all()) {
      await expect(button).toBeVisible();
      const box = (await button.boundingBox())!;
      const name = await button.textContent();
      expect(box.x, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${name} ends on screen`).toBeLessThanOrEqual(width);
      // One line of text: not squeezed into a column.
      expect(box.height, `${name} keeps its label on one line`).toBeLessThan(56);
    }
    // Deleted, the notice saying so keeps its words on one line, not a column in mid-screen.
    await bar.getByRole('button', { name: 'Delete 2' }).tap();
    const title = page.getByText('Deleted 2 images', { exact: true });
    await expect(title).toBeVisible();
    const lines = await title.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, '“Deleted 2 images” on one line').toBe(1);
    await page.getByRole('button', { name: 'Undo' }).tap();
    await expect(galleryGrid(page).getByRole('gridcell')).toHaveCount(3);
  });
});
