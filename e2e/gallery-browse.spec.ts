import { expect, test } from '@playwright/test';
import {
  makeGalleryArchive,
  readArchive,
  sha256,
  type SeededArchive,
} from './fixtures/gallery-archive.ts';
import { downloadBytes, galleryGrid, openGallery, seedGallery } from './fixtures/gallery-page.ts';
import { confirmReplace } from './editor-helpers.ts';
import { pickOption, promptBox } from './generate-helpers.ts';

const DAY = 24 * 60 * 60_000;
const noon = new Date();
noon.setHours(12, 0, 0, 0);
const daysAgo = (n: number) => noon.getTime() - n * DAY;
const isoDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

let seeded: SeededArchive;
test.beforeAll(async () => {
  seeded = await makeGalleryArchive([
    {
      prompt: 'a lighthouse at dusk',
      model: 'gpt-image-1',
      createdAt: daysAgo(0),
      favourite: true,
    },
    { prompt: 'the lighthouse, repainted red', parent: 0, mask: true, createdAt: daysAgo(1) },
    { prompt: 'a fox in fresh snow', model: 'dall-e-3', createdAt: daysAgo(2) },
    { prompt: '', model: 'dall-e-2', kind: 'variation', parent: 2, createdAt: daysAgo(3) },
    { prompt: 'A misty HARBOUR', model: 'gpt-image-1.5', createdAt: daysAgo(4), favourite: true },
    { prompt: '<img src=x onerror="window.__pwned = 1">bold <b>claims</b>', createdAt: daysAgo(5) },
  ]);
});

test.beforeEach(async ({ page }) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 6);
});

const tiles = (page: import('@playwright/test').Page) => galleryGrid(page).getByRole('gridcell');

test('search by prompt text and filter by model, kind, favourite and date', async ({ page }) => {
  await expect(tiles(page)).toHaveCount(6);
  // Newest first by default.
  await expect(tiles(page).first()).toHaveAccessibleName(/^a lighthouse at dusk/);

  const search = page.getByRole('searchbox', { name: 'Search gallery' });
  await search.fill('LIGHTHOUSE');
  await expect(tiles(page)).toHaveCount(2);
  await expect(page.getByText('2 of 6 images')).toBeVisible();
  await search.fill('harbour misty');
  await expect(tiles(page)).toHaveAccessibleName(/A misty HARBOUR/);
  await search.fill('zebra');
  await expect(page.getByText('No images match')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(tiles(page)).toHaveCount(6);

  // Models by their display names, not their API ids.
  await page.getByRole('combobox', { name: 'Model', exact: true }).click();
  await expect(page.getByRole('option')).toHaveText([
    'All models',
    'DALL·E 2',
    'DALL·E 3',
    'GPT Image 1',
    'GPT Image 1.5',
  ]);
  await page.keyboard.press('Escape');
  await pickOption(page, 'Model', 'DALL·E 3');
  await expect(tiles(page)).toHaveAccessibleName(/a fox in fresh snow/);
  await pickOption(page, 'Model', 'All models');

  await pickOption(page, 'Kind', 'Edits');
  await expect(tiles(page)).toHaveAccessibleName(/the lighthouse, repainted red \(edit/);
  await pickOption(page, 'Kind', 'Variations');
  await expect(tiles(page)).toHaveAccessibleName(/^Variation \(variation, DALL·E 2\)/);
  await pickOption(page, 'Kind', 'All kinds');

  await page.getByRole('button', { name: 'Favourites' }).click();
  await expect(tiles(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Favourites' }).click();

  await page.getByRole('textbox', { name: 'From', exact: true }).fill(isoDay(daysAgo(3)));
  await page.getByRole('textbox', { name: 'To', exact: true }).fill(isoDay(daysAgo(1)));
  await expect(tiles(page)).toHaveCount(3);
  await pickOption(page, 'Order', 'Oldest first');
  await expect(tiles(page).first()).toHaveAccessibleName(/^Variation/);
  await expect(tiles(page).last()).toHaveAccessibleName(/^the lighthouse, repainted red/);
});

test('the detail view shows metadata and lineage, and links parent and children', async ({
  page,
}) => {
  await tiles(page).filter({ hasText: 'the lighthouse, repainted red' }).click();
  const detail = page.getByRole('dialog', { name: 'the lighthouse, repainted red' });
  await expect(detail.getByRole('img', { name: /^Full image/ })).toBeVisible();
  await expect(detail.getByText('Local engine', { exact: true })).toBeVisible();
  await expect(detail.getByText('GPT Image 1', { exact: true })).toBeVisible();
  await expect(detail.getByText('12 in (text 12, image 0) · 1056 out · 1068 total')).toBeVisible();
  await expect(detail.getByRole('img', { name: /The mask painted for this edit/ })).toBeVisible();
  await detail.getByRole('button', { name: 'Parent: a lighthouse at dusk' }).click();

  const parent = page.getByRole('dialog', { name: 'a lighthouse at dusk' });
  await expect(parent.getByRole('button', { name: 'Favourite', pressed: true })).toBeVisible();
  await parent.getByRole('button', { name: 'Edit: the lighthouse, repainted red' }).click();
  await expect(page.getByRole('dialog', { name: 'the lighthouse, repainted red' })).toBeVisible();

  // Arrow keys step through the grid's order; Escape returns focus to the grid.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog', { name: 'a fox in fresh snow' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('prompts and metadata are shown as text, never as HTML', async ({ page }) => {
  const prompt = '<img src=x onerror="window.__pwned = 1">bold <b>claims</b>';
  const tile = tiles(page).filter({ hasText: prompt });
  await expect(tile).toHaveCount(1);
  await tile.click();
  const detail = page.getByRole('dialog');
  await expect(detail.getByText(prompt, { exact: true }).first()).toBeVisible();
  await expect(detail.locator('b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('delete from the detail view, then undo restores the same image', async ({ page }) => {
  const id = seeded.ids[2]!;
  await tiles(page).filter({ hasText: 'a fox in fresh snow' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(tiles(page)).toHaveCount(5);
  await expect(tiles(page).filter({ hasText: 'a fox in fresh snow' })).toHaveCount(0);
  await expect(page.getByText('Deleted 1 image', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(tiles(page)).toHaveCount(6);
  await tiles(page).filter({ hasText: 'a fox in fresh snow' }).click();
  // The variation made from it links back again.
  await expect(page.getByRole('dialog').getByRole('button', { name: /^Variation:/ })).toBeVisible();
  const bytes = await downloadBytes(page, () =>
    page.getByRole('dialog').getByRole('button', { name: 'Download' }).click(),
  );
  expect(sha256(bytes)).toBe(sha256(seeded.images.get(id)!));
});

test('an image whose bytes are gone offers only what still works; a refused copy leaves the prompt to copy by hand', async ({
  page,
  context,
}) => {
  // The picture's stored bytes go (site data partly cleared, another tab…); its details stay.
  await page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('easel-gallery');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('images', 'readwrite');
          tx.objectStore('images').delete(id);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    seeded.ids[2]!,
  );
  // The tile's menu offers no Download, Edit or More like this: they cannot work.
  const fox = tiles(page).filter({ hasText: 'a fox in fresh snow' });
  await fox.hover();
  const onTile = fox.getByRole('group', { name: 'Image actions' });
  await expect(onTile.getByRole('button', { name: 'Favourite' })).toBeVisible();
  await expect(onTile.getByText('Picture missing')).toBeVisible();
  await expect(onTile.getByRole('button')).toHaveCount(1);
  // On a phone held upright, where Info starts closed.
  await page.setViewportSize({ width: 390, height: 844 });
  await fox.click();
  const viewer = page.getByRole('dialog', { name: 'a fox in fresh snow' });
  const whatToDo = /Delete it, or import an archive that has it\./;
  // The stage says what happened and what to do, with no broken picture drawn under the words.
  await expect(viewer.getByRole('alert').filter({ hasText: whatToDo })).toBeVisible();
  // The Delete it names is in reach: Info opens for an image that cannot be shown.
  await expect(viewer.getByRole('button', { name: 'Delete' })).toBeVisible();
  await expect(viewer.getByRole('img', { name: /^Full image/ })).toHaveCount(0);
  // Nor a zoom, with a figure for a picture that is not there.
  await expect(viewer.getByRole('group', { name: 'Zoom' })).toHaveCount(0);
  // What needs the picture is not offered; what needs only its details stays.
  const actions = viewer.getByRole('group', { name: 'Image actions' });
  await expect(actions.getByRole('button', { name: 'Favourite' })).toBeVisible();
  await expect(
    actions.getByRole('button', { name: /^(Edit|Download|More like this|Make variations)$/ }),
  ).toHaveCount(0);

  // The browser refuses the clipboard: the studio's window is not the focused one and the
  // press carries no user activation (Chromium allows either alone). The copy says it failed,
  // in the viewer, and gives the prompt selected, to copy by hand.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
  const elsewhere = await context.newPage();
  await elsewhere.bringToFront();
  await actions.getByRole('button', { name: 'Copy prompt' }).dispatchEvent('click');
  const problem = viewer.getByRole('alert', { name: 'Image action failed' });
  await expect(problem).toBeInViewport();
  await expect(problem).toContainText('Copying the prompt failed');
  await expect(problem).toContainText(/did not let the studio use the clipboard/);
  const byHand = problem.getByRole('textbox', { name: 'Prompt to copy' });
  await expect(byHand).toHaveValue('a fox in fresh snow');
  // Back in the studio's window, the prompt is there selected: Ctrl+C copies it.
  await elsewhere.close();
  await page.bringToFront();
  await expect(byHand).toBeFocused();
  expect(
    await byHand.evaluate((e: HTMLTextAreaElement) =>
      e.value.slice(e.selectionStart, e.selectionEnd),
    ),
  ).toBe('a fox in fresh snow');
  await problem.getByRole('button', { name: 'Dismiss' }).click();
  await expect(problem).toHaveCount(0);
  await expect(actions.getByRole('button', { name: 'Copy prompt' })).toBeFocused();
});

test('the grid works from the keyboard: move, open, select, delete with undo', async ({ page }) => {
  await tiles(page).first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(tiles(page).nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(tiles(page).last()).toBeFocused();
  await page.keyboard.press('Control+Home');
  await expect(tiles(page).first()).toBeFocused();

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'the lighthouse, repainted red' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tiles(page).nth(1)).toBeFocused();

  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(tiles(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('toolbar', { name: 'Selected images' })).toContainText('2 selected');
  await page.keyboard.press('Delete');
  await expect(tiles(page)).toHaveCount(4);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(tiles(page)).toHaveCount(6);
});

test('after a delete the focus stays in the grid, on the image that took its place', async ({
  page,
}) => {
  // From the keyboard: Delete on a tile, then the next one is focused, ready for the next key.
  await tiles(page).nth(1).focus();
  await page.keyboard.press('Delete');
  await expect(tiles(page)).toHaveCount(5);
  await expect(tiles(page).nth(1)).toHaveAccessibleName(/^a fox in fresh snow/);
  await expect(tiles(page).nth(1)).toBeFocused();

  // From the detail view: closed by the delete, it hands the focus to the grid likewise.
  await page.keyboard.press('Enter');
  const detail = page.getByRole('dialog', { name: 'a fox in fresh snow' });
  await detail.getByRole('button', { name: 'Delete' }).click();
  await expect(detail).toHaveCount(0);
  await expect(tiles(page)).toHaveCount(4);
  await expect(tiles(page).nth(1)).toBeFocused();
  await expect(tiles(page).nth(1)).not.toHaveAccessibleName(/^a fox in fresh snow/);
});

test('an image goes to the editor from its detail view, and an edit can be retried from its original', async ({
  page,
}) => {
  await tiles(page).filter({ hasText: 'the lighthouse, repainted red' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Edit' })).toHaveAttribute('aria-selected', 'true');
  await expect(
    page.getByText(
      /^easel-\d{4}-\d\d-\d\d-the-lighthouse-repainted-red-[0-9a-f]{8}\.png · 256×256$/,
    ),
  ).toBeVisible();

  await page.getByRole('tab', { name: 'Gallery' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await tiles(page).filter({ hasText: 'the lighthouse, repainted red' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Re-edit the original' }).click();
  // The edit came with its stored mask, which the original would replace.
  await confirmReplace(page);
  await expect(
    page.getByText(/^easel-.*-a-lighthouse-at-dusk-[0-9a-f]{8}\.png · 256×256$/),
  ).toBeVisible();
});

test('an image deleted in another tab closes its view here, saying so, and its Undo does not reopen it', async ({
  page,
  context,
}) => {
  const other = await context.newPage();
  await openGallery(other);
  await tiles(other).filter({ hasText: 'a fox in fresh snow' }).click();
  const viewer = other.getByRole('dialog', { name: 'a fox in fresh snow' });
  await expect(viewer).toBeVisible();

  await tiles(page).filter({ hasText: 'a fox in fresh snow' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(viewer).toHaveCount(0);
  await expect(other.getByRole('status', { name: 'Gallery progress' })).toContainText(
    '“a fox in fresh snow” was deleted in another tab.',
  );

  // Undone there, it is back in this grid, and this tab's view stays closed.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(tiles(other).filter({ hasText: 'a fox in fresh snow' })).toHaveCount(1);
  await expect(tiles(other)).toHaveCount(6);
  await expect(other.getByRole('dialog')).toHaveCount(0);
});

test('Undo puts the deleted image back and the focus on it', async ({ page }) => {
  await tiles(page).filter({ hasText: 'a fox in fresh snow' }).focus();
  await page.keyboard.press('Delete');
  await expect(tiles(page)).toHaveCount(5);
  // The notice's Undo, reached from the keyboard (F8 goes to the notifications, then the
  // notice, then its Undo).
  await page.keyboard.press('F8');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tiles(page)).toHaveCount(6);
  await expect(tiles(page).filter({ hasText: 'a fox in fresh snow' })).toBeFocused();
});

test('Re-edit the original brings back the edit’s prompt with its mask, to try it again', async ({
  page,
}) => {
  await tiles(page).filter({ hasText: 'the lighthouse, repainted red' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Re-edit the original' }).click();
  await expect(
    page.getByText(/^easel-.*-a-lighthouse-at-dusk-[0-9a-f]{8}\.png · 256×256$/),
  ).toBeVisible();
  await expect(promptBox(page)).toHaveValue('the lighthouse, repainted red');
  await expect(page.getByRole('button', { name: 'Apply edit' })).toBeEnabled();
});

test('multi-select downloads the selected images as a zip with their manifest', async ({
  page,
}) => {
  await tiles(page)
    .filter({ hasText: 'a fox in fresh snow' })
    .click({ modifiers: ['Control'] });
  await page.getByRole('checkbox', { name: 'Select A misty HARBOUR' }).check();
  const bar = page.getByRole('toolbar', { name: 'Selected images' });
  await expect(bar).toContainText('2 selected');
  const zip = await downloadBytes(page, () =>
    bar.getByRole('button', { name: 'Download zip' }).click(),
  );
  const { files, manifest } = readArchive(zip);
  expect(manifest.entries.map((e) => e.prompt).sort()).toEqual([
    'A misty HARBOUR',
    'a fox in fresh snow',
  ]);
  for (const entry of manifest.entries) {
    expect(sha256(files[entry.file as string]!)).toBe(
      sha256(seeded.images.get(entry.id as string)!),
    );
  }
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await expect(bar).toHaveCount(0);
});

test.describe('on a phone held on its side', () => {
  test.use({ viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true });

  test('with Info open the picture keeps its size and stays the biggest thing', async ({
    page,
  }) => {
    await tiles(page).filter({ hasText: 'a fox in fresh snow' }).click();
    const viewer = page.getByRole('dialog', { name: 'a fox in fresh snow' });
    const picture = viewer.getByRole('img', { name: /^Full image/ });
    await expect(picture).toBeVisible();
    const alone = (await picture.boundingBox())!;
    await viewer.getByRole('button', { name: 'Info' }).tap();
    const panel = viewer.getByRole('complementary', { name: 'About this image' });
    await expect(panel.getByText('DALL·E 3', { exact: true })).toBeVisible();
    const layout = async () => {
      const [p, a] = [(await picture.boundingBox())!, (await panel.boundingBox())!];
      const overlap = (from: number, to: number, from2: number, to2: number) =>
        Math.max(0, Math.min(to, to2) - Math.max(from, from2));
      const covered =
        overlap(p.x, p.x + p.width, a.x, a.x + a.width) *
        overlap(p.y, p.y + p.height, a.y, a.y + a.height);
      return {
        width: Math.round(p.width),
        height: Math.round(p.height),
        coveredByPanel: Math.round(covered),
        biggest: p.width * p.height > a.width * a.height,
      };
    };
    // The square picture stays as tall as with Info closed, wholly uncovered, and bigger
    // than the panel beside it — not a strip above a sheet.
    await expect.poll(layout).toEqual({
      width: Math.round(alone.width),
      height: Math.round(alone.height),
      coveredByPanel: 0,
      biggest: true,
    });
    // Turned upright, the panel goes under the picture, which stays whole and the biggest.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(layout)
      .toEqual(expect.objectContaining({ coveredByPanel: 0, biggest: true }));
  });
});
