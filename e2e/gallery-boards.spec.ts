/**
 * Boards: made, filled with several images at once, shown, renamed; they survive a reload,
 * and a board downloaded as a zip comes back, name and images, in another browser profile.
 */
import { expect, test, type Page } from '@playwright/test';
import { makeGalleryArchive, readArchive, type SeededArchive } from './fixtures/gallery-archive.ts';
import { readFile } from 'node:fs/promises';
import {
  downloadBytes,
  galleryGrid,
  importArchive,
  openGallery,
  seedGallery,
} from './fixtures/gallery-page.ts';

let seeded: SeededArchive;
test.beforeAll(async () => {
  seeded = await makeGalleryArchive([
    { prompt: 'a harbour at dawn' },
    { prompt: 'a fox in fresh snow' },
    { prompt: 'boats in the harbour mist' },
    { prompt: 'a red lighthouse' },
  ]);
});

const tiles = (page: Page) => galleryGrid(page).getByRole('gridcell');
const boards = (page: Page) => page.getByRole('radiogroup', { name: 'Show board' });
const notice = (page: Page) => page.getByRole('status', { name: 'Gallery progress' });

async function makeBoardWithHarbours(page: Page) {
  await page.getByRole('button', { name: '+ New board' }).click();
  await page.getByRole('textbox', { name: 'New board name' }).fill('Harbours');
  await page.keyboard.press('Enter');
  // A new board is shown at once, empty.
  await expect(boards(page).getByRole('radio', { name: /^Harbours/ })).toBeChecked();
  await expect(page.getByText('This board is empty')).toBeVisible();
  await page.getByRole('button', { name: 'Show all images' }).click();

  await page.getByRole('checkbox', { name: 'Select a harbour at dawn' }).check();
  await page.getByRole('checkbox', { name: 'Select boats in the harbour mist' }).check();
  await page.getByRole('button', { name: 'Add to board' }).click();
  await page.getByRole('menuitem', { name: 'Harbours' }).click();
  await expect(notice(page)).toContainText('Added 2 images to “Harbours”');
}

/** Makes the Harbours board, downloads it as a zip, then deletes the board: the zip's bytes. */
async function downloadThenDeleteHarbours(page: Page): Promise<Buffer> {
  await makeBoardWithHarbours(page);
  await boards(page).getByRole('radio', { name: 'Harbours 2' }).click();
  await page.getByRole('button', { name: 'Harbours: board actions' }).click();
  const zip = await downloadBytes(page, () =>
    page.getByRole('menuitem', { name: 'Download board as zip' }).click(),
  );
  await page.getByRole('button', { name: 'Harbours: board actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete board (keeps its images)' }).click();
  await expect(boards(page).getByRole('radio', { name: /^Harbours/ })).toHaveCount(0);
  return zip;
}

test('a board holds several images, is shown on its own, renamed, and survives a reload', async ({
  page,
}) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 4);
  await makeBoardWithHarbours(page);
  await boards(page).getByRole('radio', { name: 'Harbours 2' }).click();
  await expect(tiles(page)).toHaveCount(2);

  await page.reload();
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await boards(page).getByRole('radio', { name: 'Harbours 2' }).click();
  await expect(tiles(page)).toHaveCount(2);
  await expect(tiles(page).filter({ hasText: 'a fox in fresh snow' })).toHaveCount(0);

  // Rename from the board's menu; take one image off; the image stays in the gallery.
  await page.getByRole('button', { name: 'Harbours: board actions' }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  await page.getByRole('textbox', { name: 'Rename Harbours' }).fill('Sea');
  await page.keyboard.press('Enter');
  await page.getByRole('checkbox', { name: 'Select a harbour at dawn' }).check();
  await page.getByRole('button', { name: 'Remove from “Sea”' }).click();
  await expect(boards(page).getByRole('radio', { name: 'Sea 1' })).toBeChecked();
  await expect(tiles(page)).toHaveCount(1);
  await boards(page)
    .getByRole('radio', { name: /^All images/ })
    .click();
  await expect(tiles(page)).toHaveCount(4);
});

test('a board named or renamed from the keyboard leaves the focus beside it, not on the page', async ({
  page,
}) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 4);
  await page.getByRole('button', { name: '+ New board' }).click();
  await page.keyboard.type('Trips');
  await page.keyboard.press('Enter');
  await expect(boards(page).getByRole('radio', { name: /^Trips/ })).toBeChecked();
  await expect(page.getByRole('button', { name: '+ New board' })).toBeFocused();

  // Opened by Enter, even before the menu's code has loaded (nothing reached for it yet),
  // the menu puts the focus on its first item, as a menu button should.
  await page.getByRole('button', { name: 'Trips: board actions' }).press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Rename…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: 'Rename Trips' }).fill('Journeys');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Journeys: board actions' })).toBeFocused();
});

test('the selection is what is shown: images a board hides are not deleted with it', async ({
  page,
}) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 4);
  await makeBoardWithHarbours(page);
  await page.getByRole('checkbox', { name: 'Select a fox in fresh snow' }).check();
  const bar = page.getByRole('toolbar', { name: 'Selected images' });
  await expect(bar).toContainText('3 selected');

  // On the board the fox is out of view: the bar counts and acts on the two harbours only.
  await boards(page).getByRole('radio', { name: 'Harbours 2' }).click();
  await expect(tiles(page)).toHaveCount(2);
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('button', { name: 'Delete 2' }).click();
  await expect(page.getByText('Deleted 2 images', { exact: true })).toBeVisible();
  await boards(page)
    .getByRole('radio', { name: /^All images/ })
    .click();
  await expect(tiles(page)).toHaveCount(2);
  await expect(tiles(page).filter({ hasText: 'a fox in fresh snow' })).toHaveCount(1);
});

test('a board downloaded as a zip comes back with its name and images in a new profile', async ({
  page,
  browser,
}) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 4);
  await makeBoardWithHarbours(page);
  await boards(page).getByRole('radio', { name: 'Harbours 2' }).click();
  await page.getByRole('button', { name: 'Harbours: board actions' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download board as zip' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^easel-board-harbours-\d{4}-\d\d-\d\d\.zip$/);
  const zip = await readFile(await file.path());
  const { files, manifest } = readArchive(zip);
  expect(manifest.entries).toHaveLength(2);
  // Readable names inside the zip: date, prompt words, short id.
  expect(
    Object.keys(files)
      .filter((f) => f.startsWith('images/'))
      .sort(),
  ).toEqual([
    expect.stringMatching(/^images\/\d{4}-\d\d-\d\d-a-harbour-at-dawn-[0-9a-f]{8}\.png$/),
    expect.stringMatching(/^images\/\d{4}-\d\d-\d\d-boats-in-the-harbour-mist-[0-9a-f]{8}\.png$/),
  ]);

  const fresh = await (await browser.newContext()).newPage();
  await openGallery(fresh);
  await seedGallery(fresh, zip, 2);
  await boards(fresh).getByRole('radio', { name: 'Harbours 2' }).click();
  await expect(tiles(fresh)).toHaveCount(2);
  await fresh.context().close();
});

test('a board may not take a name another board has; the typed name stays to fix', async ({
  page,
}) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 4);
  await makeBoardWithHarbours(page);

  await page.getByRole('button', { name: '+ New board' }).click();
  const field = page.getByRole('textbox', { name: 'New board name' });
  await field.fill(' harbours ');
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue(' harbours ');
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(
    'There is already a board named “Harbours”. Choose another name.',
  );
  await expect(boards(page).getByRole('radio', { name: /^harbours/i })).toHaveCount(1);
  await field.fill('Harbours at night');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Enter');
  await expect(boards(page).getByRole('radio', { name: /^Harbours at night/ })).toBeChecked();

  // Renaming into another board's name is refused the same way; Escape keeps the old name.
  await page.getByRole('button', { name: 'Harbours at night: board actions' }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  const rename = page.getByRole('textbox', { name: 'Rename Harbours at night' });
  await rename.fill('HARBOURS');
  await page.keyboard.press('Enter');
  await expect(rename).toHaveValue('HARBOURS');
  await expect(page.getByText('There is already a board named “Harbours”.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(boards(page).getByRole('radio', { name: /^Harbours at night/ })).toBeChecked();
  await expect(boards(page).getByRole('radio', { name: 'Harbours 2' })).toBeVisible();
});

test('a board zip still imports whole where a board of the same name was made since', async ({
  page,
}) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 4);
  const zip = await downloadThenDeleteHarbours(page);
  await page.getByRole('button', { name: '+ New board' }).click();
  await page.getByRole('textbox', { name: 'New board name' }).fill('harbours');
  await page.keyboard.press('Enter');
  await expect(boards(page).getByRole('radio', { name: 'harbours 0' })).toBeChecked();

  // Only a name typed here is refused: the backup's board comes back beside it.
  await importArchive(page, 'harbours.zip', zip);
  await expect(notice(page)).toContainText('Put 2 images already here on 1 board of the archive.');
  await boards(page).getByRole('radio', { name: 'Harbours 2' }).click();
  await expect(tiles(page)).toHaveCount(2);
});

test('an empty board offers no download, and says why, to the keyboard too', async ({ page }) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 4);
  await page.getByRole('button', { name: '+ New board' }).click();
  await page.getByRole('textbox', { name: 'New board name' }).fill('Later');
  await page.keyboard.press('Enter');
  await expect(boards(page).getByRole('radio', { name: 'Later 0' })).toBeChecked();

  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Later: board actions' }).click();
  const item = page.getByRole('menuitem', { name: 'Download board as zip' });
  await expect(item).toBeDisabled();
  await expect(item).toContainText('Add images to this board first');
  await item.click({ force: true });
  // From the keyboard it is reached like the others, says why it is unavailable, and Enter
  // on it does nothing: the menu stays open on it.
  await expect(page.getByRole('menuitem', { name: 'Rename…' })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(page.getByRole('menuitem', { name: 'Rename…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item).toBeFocused();
  await expect(item).toHaveAccessibleDescription('Add images to this board first');
  await page.keyboard.press('Enter');
  await expect(item).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(notice(page)).not.toContainText('Exported');
  expect(downloads).toBe(0);

  // With an image on it, it downloads.
  await page.getByRole('button', { name: 'Show all images' }).click();
  await page.getByRole('checkbox', { name: 'Select a red lighthouse' }).check();
  await page.getByRole('button', { name: 'Add to board' }).click();
  await page.getByRole('menuitem', { name: 'Later' }).click();
  await boards(page).getByRole('radio', { name: 'Later 1' }).click();
  await page.getByRole('button', { name: 'Later: board actions' }).click();
  await expect(page.getByRole('menuitem', { name: 'Download board as zip' })).toBeEnabled();
});

test('a board deleted in another tab while this one shows it gives way to All images', async ({
  page,
  context,
}) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 4);
  await makeBoardWithHarbours(page);
  await boards(page).getByRole('radio', { name: 'Harbours 2' }).click();
  await expect(tiles(page)).toHaveCount(2);

  const other = await context.newPage();
  await openGallery(other);
  await boards(other).getByRole('radio', { name: 'Harbours 2' }).click();
  await other.getByRole('button', { name: 'Harbours: board actions' }).click();
  await other.getByRole('menuitem', { name: 'Delete board (keeps its images)' }).click();

  // The first tab no longer offers the board, and shows what its chip says: all four images,
  // not "This board is empty" under a checked All images.
  await expect(boards(page).getByRole('radio', { name: /^Harbours/ })).toHaveCount(0);
  await expect(boards(page).getByRole('radio', { name: /^All images/ })).toBeChecked();
  await expect(tiles(page)).toHaveCount(4);
  await expect(page.getByText('4 images', { exact: true })).toBeVisible();
  await expect(notice(page)).toContainText('“Harbours” was deleted in another tab');
});

test('a board zip imported where its images already are brings the board back with them', async ({
  page,
}) => {
  await openGallery(page);
  await seedGallery(page, seeded.zip, 4);
  const zip = await downloadThenDeleteHarbours(page);

  // The backup of the board is restored: its two images are already here, so nothing new is
  // stored, but the board and what was on it come back.
  await importArchive(page, 'harbours.zip', zip);
  await expect(notice(page)).toContainText('2 images already in the gallery were skipped');
  await expect(notice(page)).toContainText('Put 2 images already here on 1 board of the archive.');
  await boards(page).getByRole('radio', { name: 'Harbours 2' }).click();
  await expect(tiles(page)).toHaveCount(2);
  await expect(tiles(page).filter({ hasText: 'a harbour at dawn' })).toHaveCount(1);

  // Importing it once more changes nothing.
  await importArchive(page, 'harbours.zip', zip);
  await expect(notice(page)).toContainText('Imported 0 images from harbours.zip. 2 images');
  await expect(notice(page)).not.toContainText('Put');
  await expect(boards(page).getByRole('radio', { name: /^Harbours/ })).toHaveCount(1);
  await expect(boards(page).getByRole('radio', { name: 'Harbours 2' })).toBeChecked();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the name field leaves the board chips readable, not squeezed beside it @dpr2', async ({
    page,
  }) => {
    await openGallery(page);
    await seedGallery(page, seeded.zip, 4);
    await makeBoardWithHarbours(page);
    const list = boards(page);
    await list.getByRole('radio', { name: 'Harbours 2' }).click();
    for (const [opener, name] of [
      ['+ New board', 'New board name'],
      ['Harbours: board actions', 'Rename Harbours'],
    ] as const) {
      await page.getByRole('button', { name: opener }).click();
      if (name === 'Rename Harbours') await page.getByRole('menuitem', { name: 'Rename…' }).click();
      const field = page.getByRole('textbox', { name });
      await expect(field).toBeFocused();
      // Two chips need half a phone's width: each shows whole, none cut by the field.
      const shown = (await list.boundingBox())!;
      for (const chip of await list.getByRole('radio').all()) {
        const box = (await chip.boundingBox())!;
        expect(
          box.x + box.width,
          `${name}: “${await chip.textContent()}” shows whole`,
        ).toBeLessThanOrEqual(shown.x + shown.width + 1);
      }
      const input = (await field.boundingBox())!;
      expect(input.x + input.width, `${name}: the field fits`).toBeLessThanOrEqual(390);
      await page.keyboard.press('Escape');
    }
  });

  test('the board shown has its chip in view, not cut off at the row’s end', async ({ page }) => {
    await openGallery(page);
    await seedGallery(page, seeded.zip, 4);
    const list = boards(page);
    for (const name of ['Harbours at dawn', 'Foxes in the snow']) {
      await page.getByRole('button', { name: '+ New board' }).click();
      await page.getByRole('textbox', { name: 'New board name' }).fill(name);
      await page.keyboard.press('Enter');
      const chip = list.getByRole('radio', { name: `${name} 0` });
      await expect(chip).toBeChecked();
      await expect
        .poll(async () => {
          const [row, shown] = [(await list.boundingBox())!, (await chip.boundingBox())!];
          return shown.x >= row.x - 1 && shown.x + shown.width <= row.x + row.width + 1;
        }, `“${name}” shows whole in the row`)
        .toBe(true);
    }
  });
});
