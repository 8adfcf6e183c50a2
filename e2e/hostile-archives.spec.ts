/**
 * Archives built to hurt: zip bombs that declare gigabytes, names that climb or repeat, values
 * that break dates, entries that are not the images they claim, two tabs importing at once.
 * Each is refused or left out with a message that says why, quickly, and the gallery stays
 * usable; one bad entry never stops the rest from importing.
 */
import { expect, test } from '@playwright/test';
import {
  makeGalleryArchive,
  manyEntriesArchive,
  rewriteArchive,
  sha256,
} from './fixtures/gallery-archive.ts';
import { importArchive, openGallery } from './fixtures/gallery-page.ts';
import { buildZip, zipBomb } from './fixtures/zip-bomb.ts';

const problem = (page: import('@playwright/test').Page) =>
  page.getByRole('alert', { name: 'Gallery problem' });
const progress = (page: import('@playwright/test').Page) =>
  page.getByRole('status', { name: 'Gallery progress' });

test('zip bombs are refused by what they declare, at once, with a reason; Import stays usable', async ({
  page,
}) => {
  await openGallery(page);
  for (const [name, sizes] of [
    ['three-gigabytes.zip', [1024, 1024, 1024]],
    ['three-times-2047.zip', [2047, 2047, 2047]],
  ] as const) {
    const bomb = zipBomb([...sizes]);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    await importArchive(page, name, bomb);
    const alert = problem(page);
    await expect(alert).toContainText('far larger than any Easel makes, so it was not unpacked');
    await expect(alert).toContainText('more than any image Easel stores (64 MB at most)');
    await expect(alert).toContainText('Nothing was imported.');
    await expect(alert).not.toContainText(/digest|SubtleCrypto/);
    await expect(page.getByLabel('Import gallery archive')).toBeEnabled();
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  await expect(page.getByText('Nothing here yet')).toBeVisible();
});

test('unsafe or repeated names in a zip are named, not called damage', async ({ page }) => {
  await openGallery(page);
  const manifest = Buffer.from('{}');
  const stored = (name: string, data = Buffer.from('x')) => ({
    name,
    data,
    size: data.length,
    deflated: false,
  });
  const cases: [string, Buffer, string][] = [
    [
      'climbing.zip',
      buildZip([stored('../../evil.png'), stored('manifest.json', manifest)]),
      '"../../evil.png" climbs out of the archive',
    ],
    [
      'twice.zip',
      buildZip([stored('images/a.png'), stored('images/a.png'), stored('manifest.json', manifest)]),
      '"images/a.png" appears twice',
    ],
  ];
  for (const [name, zip, reason] of cases) {
    await importArchive(page, name, zip);
    const alert = problem(page);
    await expect(alert).toContainText('file names Easel will not read');
    await expect(alert).toContainText(reason);
    await expect(alert).not.toContainText('damaged');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
});

test('entries with impossible values or bytes that are not their image are left out by name; the rest import and open', async ({
  page,
}) => {
  const seeded = await makeGalleryArchive([
    { prompt: 'a lighthouse at dusk' },
    { prompt: 'from the far future' },
    { prompt: 'a link that never expires' },
    { prompt: 'a web page posing as a PNG' },
  ]);
  const html = Buffer.from('<!doctype html><title>not an image</title>');
  const zip = rewriteArchive(seeded.zip, (files, manifest) => {
    manifest.entries[1]!.createdAt = 9007199254740991;
    const link = manifest.entries[2]!;
    delete files[link.file as string];
    delete link.file;
    delete link.sha256;
    link.mime = '';
    link.remote = { url: 'https://images.example/a.png', expiresAt: 1e300, reason: 'CORS' };
    const fake = manifest.entries[3]!;
    files[fake.file as string] = new Uint8Array(html);
    fake.byteLength = html.length;
    fake.sha256 = sha256(html);
  });
  await openGallery(page);
  await importArchive(page, 'mixed.zip', zip);
  const note = progress(page);
  await expect(note).toContainText(
    'Imported 1 image from mixed.zip. 3 entries could not be imported',
  );
  await expect(note).toContainText('entry 2 ("from the far future"): createdAt must be a time');
  await expect(note).toContainText('entry 3 ("a link that never expires"): remote.expiresAt');
  await expect(note).toContainText(
    'entry 4 ("a web page posing as a PNG"): its image is a web page (HTML), not a picture',
  );

  await page.getByRole('grid', { name: 'Gallery' }).getByRole('gridcell').first().click();
  await expect(page.getByRole('dialog').getByText('a lighthouse at dusk').first()).toBeVisible();
});

test('a second tab cannot start an import while one runs; it says so', async ({
  page,
  context,
}) => {
  const big = await manyEntriesArchive(1500);
  const other = await context.newPage();
  await openGallery(page);
  await openGallery(other);
  await importArchive(page, 'big.zip', big);
  // "Importing n of …" is reported only once the import holds the lock (Reading… comes before).
  await expect(progress(page)).toContainText('Importing', { timeout: 60_000 });
  const small = await makeGalleryArchive([{ prompt: 'from the second tab' }]);
  await importArchive(other, 'small.zip', small.zip);
  await expect(problem(other)).toContainText(
    'An import is already running in another Easel tab. Wait for it to finish there',
  );
  await expect(progress(page)).toContainText('Imported 1,500 images from big.zip', {
    timeout: 120_000,
  });
  // Once it is done, the second tab's import goes through.
  await problem(other).getByRole('button', { name: 'Dismiss' }).click();
  await importArchive(other, 'small.zip', small.zip);
  await expect(progress(other)).toContainText('Imported 1 image from small.zip');
});
