import { seedGalleryInPage } from '../bench/gallery-seed.ts';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
  keepOnlyLink,
  makeGalleryArchive,
  PNGSUITE,
  readArchive,
  rewriteArchive,
  sha256,
  type SeededArchive,
} from './fixtures/gallery-archive.ts';
import { downloadBytes, importArchive, openGallery } from './fixtures/gallery-page.ts';

const exportAll = (page: Page) =>
  downloadBytes(page, () => page.getByRole('button', { name: 'Export all' }).click());

/** Every image in an exported archive, by entry id, checked against its manifest digest. */
/** The zip with its end-of-directory record's signature broken: its listing cannot be found. */
function damagedDirectory(zip: Buffer): Buffer {
  const damaged = Buffer.from(zip);
  damaged.writeUInt32LE(0, damaged.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])));
  return damaged;
}

function imagesOf(zip: Buffer): Map<string, string> {
  const { files, manifest } = readArchive(zip);
  const images = new Map<string, string>();
  for (const entry of manifest.entries) {
    const bytes = files[entry.file as string]!;
    expect(sha256(bytes)).toBe(entry.sha256);
    images.set(entry.id as string, sha256(bytes));
  }
  return images;
}

const seeds = [
  { prompt: 'a lighthouse at dusk', model: 'gpt-image-1', favourite: true },
  { prompt: 'the lighthouse with a red door', parent: 0, mask: true },
  { prompt: 'a fox in fresh snow', model: 'dall-e-3', format: 'jpeg' as const },
  {
    prompt: 'a misty harbour',
    model: 'gpt-image-1.5',
    format: 'webp' as const,
    size: [384, 256] as [number, number],
  },
];

let seeded: SeededArchive;
test.beforeAll(async () => {
  seeded = await makeGalleryArchive(seeds);
});

test('export, clear, then import gives back identical bytes, metadata and lineage', async ({
  page,
}) => {
  // The zip library runs under the studio's Content-Security-Policy: no blob: workers.
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
    // From the moment an import starts, the gallery never calls itself empty: not even for
    // the frame between the "Imported" notice and the grid's refreshed list.
    new MutationObserver(() => {
      const notice = document.querySelector('[aria-label="Gallery progress"]')?.textContent;
      const empty = document.body.textContent?.includes('Nothing here yet');
      if (empty && notice && /Reading|Importing|Imported/.test(notice))
        w.violations.push(`“Nothing here yet” shown beside “${notice}”`);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await openGallery(page);
  await importArchive(page, 'seed.zip', seeded.zip);
  await expect(page.getByRole('status', { name: 'Gallery progress' })).toContainText(
    'Imported 4 images from seed.zip.',
  );
  const grid = page.getByRole('grid', { name: 'Gallery' });
  await expect(grid.getByRole('gridcell')).toHaveCount(4);

  const first = await exportAll(page);
  const exported = imagesOf(first);
  for (const [id, bytes] of seeded.images) expect(exported.get(id)).toBe(sha256(bytes));

  // Clear the gallery: select everything from the keyboard and delete.
  await grid.getByRole('gridcell').first().focus();
  await page.keyboard.press('Control+a');
  await expect(page.getByRole('toolbar', { name: 'Selected images' })).toContainText('4 selected');
  await page.getByRole('button', { name: 'Delete 4' }).click();
  // While Undo is on offer the gallery does not call itself empty and ask for an import.
  await expect(page.getByText('All images deleted')).toBeVisible();
  await expect(page.getByText('Choose Undo in the notice to bring them back.')).toBeVisible();
  await expect(page.getByText('Nothing here yet')).toHaveCount(0);

  await importArchive(page, 'export.zip', first);
  await expect(page.getByRole('status', { name: 'Gallery progress' })).toContainText(
    'Imported 4 images from export.zip.',
  );
  await expect(grid.getByRole('gridcell')).toHaveCount(4);
  const second = await exportAll(page);
  expect(imagesOf(second)).toEqual(exported);
  const metadata = (zip: Buffer) =>
    readArchive(zip).manifest.entries.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  expect(metadata(second)).toEqual(metadata(first));

  // Lineage survived: the edit still opens its parent.
  await grid.getByRole('gridcell', { name: /the lighthouse with a red door/ }).click();
  const detail = page.getByRole('dialog');
  await detail.getByRole('button', { name: 'Parent: a lighthouse at dusk' }).click();
  await expect(detail.getByRole('heading', { name: 'a lighthouse at dusk' })).toBeVisible();

  // Importing the same archive again skips everything.
  await page.keyboard.press('Escape');
  await importArchive(page, 'export.zip', first);
  await expect(page.getByRole('status', { name: 'Gallery progress' })).toContainText(
    'Imported 0 images from export.zip. 4 images already in the gallery were skipped.',
  );
  expect(
    await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
  ).toEqual([]);
});

test('a bad archive is refused with a clear message and the gallery is unchanged; a bad entry only costs itself', async ({
  page,
}) => {
  await openGallery(page);
  await importArchive(page, 'seed.zip', seeded.zip);
  const grid = page.getByRole('grid', { name: 'Gallery' });
  await expect(grid.getByRole('gridcell')).toHaveCount(4);
  const before = imagesOf(await exportAll(page));
  const other = await makeGalleryArchive([{ prompt: 'an intruder' }, { prompt: 'another' }]);
  const corrupt = await readFile(`${PNGSUITE}/xdtn0g01.png`);

  const bad: [string, Buffer, RegExp][] = [
    ['photo.png', await readFile(`${PNGSUITE}/basn2c08.png`), /not a zip archive/],
    [
      'no-manifest.zip',
      rewriteArchive(other.zip, (files) => delete files['manifest.json']),
      /no manifest\.json/,
    ],
    [
      'bad-entry.zip',
      rewriteArchive(other.zip, (_, manifest) => {
        manifest.entries = {} as unknown as typeof manifest.entries;
      }),
      /does not describe a valid gallery/,
    ],
    // Cut short (a download that stopped), and a zip whose directory is damaged.
    ['cut-short.zip', other.zip.subarray(0, other.zip.length - 200), /damaged.*cut short/],
    ['damaged.zip', damagedDirectory(other.zip), /damaged and cannot be read/],
    [
      'not-a-gallery.zip',
      rewriteArchive(other.zip, (_, manifest) => {
        manifest.version = 7;
      }),
      /version 7; this Easel reads version 1/,
    ],
  ];
  for (const [name, buffer, message] of bad) {
    await importArchive(page, name, buffer);
    const alert = page.getByRole('alert', { name: 'Gallery problem' });
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('Nothing was imported.');
    await expect(grid.getByRole('gridcell')).toHaveCount(4);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  await expect(grid.getByRole('gridcell', { name: /an intruder|another/ })).toHaveCount(0);
  expect(imagesOf(await exportAll(page))).toEqual(before);

  // One damaged entry costs only itself: it is named, the other comes in.
  const undecodable = rewriteArchive(other.zip, (files, manifest) => {
    const entry = manifest.entries[1]!;
    files[entry.file as string] = corrupt;
    entry.byteLength = corrupt.length;
    entry.sha256 = sha256(corrupt);
  });
  await importArchive(page, 'undecodable.zip', undecodable);
  const note = page.getByRole('status', { name: 'Gallery progress' });
  await expect(note).toContainText('Imported 1 image from undecodable.zip.');
  await expect(note).toContainText(
    'entry 2 ("another"): its image is a damaged PNG: it holds no pixel data (IDAT)',
  );
  await expect(grid.getByRole('gridcell')).toHaveCount(5);
});

test('an archive from an older Easel, with token counts lacking a total or a detail, imports every image', async ({
  page,
}) => {
  // Before 5 Dec 2026 Easel kept a compatible server's usage as it came: no total_tokens, or
  // input details without image_tokens. Such an archive must still bring all its images.
  const older = rewriteArchive(seeded.zip, (_, manifest) => {
    manifest.entries[0]!.usage = { input_tokens: 12, output_tokens: 1056 };
    manifest.entries[2]!.usage = {
      input_tokens: 12,
      output_tokens: 1056,
      total_tokens: 1068,
      input_tokens_details: { text_tokens: 12 },
    };
  });
  await openGallery(page);
  await importArchive(page, 'older.zip', older);
  await expect(page.getByRole('status', { name: 'Gallery progress' })).toContainText(
    'Imported 4 images from older.zip.',
  );
  const grid = page.getByRole('grid', { name: 'Gallery' });
  await expect(grid.getByRole('gridcell')).toHaveCount(4);
  // The grid already knows the entry: its Info panel is never blank or "Loading…".
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { infoSeen: string[] }).infoSeen = []);
    new MutationObserver(() => {
      const aside = document.querySelector('aside[aria-label="About this image"]');
      const text = aside?.textContent?.trim();
      if (aside && (text === '' || text === 'Loading…')) seen.push(text || '(blank)');
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await grid.getByRole('gridcell', { name: /^a lighthouse at dusk/ }).click();
  const info = page.getByRole('complementary', { name: 'About this image' });
  await expect(info).toContainText('12 in');
  expect(
    await page.evaluate(() => (window as unknown as { infoSeen: string[] }).infoSeen),
    'what the Info panel showed before the entry',
  ).toEqual([]);
  await expect(info).toContainText('1068 total');
});

test('an import that does not fit in the space left is refused and changes nothing', async ({
  page,
  baseURL,
}) => {
  // Chromium's own quota for this origin, shrunk to well under the archive's size. (Chromium
  // enforces the override on writes but navigator.storage.estimate() still reports the real
  // quota, so this drives the write-time refusal; the estimate check is unit-tested.) Set
  // before the gallery first writes (after a write Chromium trusts the room it measured), with
  // room for the empty database (~75 KB as Chromium counts) but not for the archive.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(baseURL!).origin,
    quotaSize: 100_000,
  });
  await openGallery(page);
  // An empty gallery creates no database (the import would, after its room probe's write):
  // make the empty one first, as the gallery did when shown, so it is the first write.
  await page.evaluate(seedGalleryInPage, 0);
  await importArchive(page, 'seed.zip', seeded.zip);
  const alert = page.getByRole('alert', { name: 'Gallery problem' });
  await expect(alert).toContainText('storage for this site is full');
  await expect(alert).toContainText('Nothing was imported.');
  await expect(alert).toContainText('export older images, then delete them');
  await expect(page.getByText('Nothing here yet')).toBeVisible();

  // With room again, the same archive imports whole.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin });
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await importArchive(page, 'seed.zip', seeded.zip);
  await expect(page.getByRole('status', { name: 'Gallery progress' })).toContainText(
    'Imported 4 images',
  );
});

test('another open Easel tab sees an import and a delete without reloading', async ({
  page,
  context,
}) => {
  await openGallery(page);
  const other = await context.newPage();
  await openGallery(other);
  await expect(other.getByText('Nothing here yet')).toBeVisible();

  await importArchive(page, 'seed.zip', seeded.zip);
  const otherGrid = other.getByRole('grid', { name: 'Gallery' });
  await expect(otherGrid.getByRole('gridcell')).toHaveCount(4);

  await page
    .getByRole('grid', { name: 'Gallery' })
    .getByRole('gridcell', { name: /^a fox in fresh snow/ })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(otherGrid.getByRole('gridcell')).toHaveCount(3);
  await expect(otherGrid.getByRole('gridcell', { name: /^a fox in fresh snow/ })).toHaveCount(0);
});

test('a result kept only as a provider link says so, with the link and when it expires', async ({
  page,
}) => {
  const expiresAt = Date.now() + 30 * 60_000;
  const linkOnly = rewriteArchive(seeded.zip, (files, manifest) =>
    keepOnlyLink(files, manifest.entries[2]!, {
      url: 'https://images.example.test/fox.png',
      expiresAt,
      reason: 'the host sends no CORS headers',
    }),
  );
  await openGallery(page);
  await importArchive(page, 'links.zip', linkOnly);
  const tile = page.getByRole('gridcell', { name: /^a fox in fresh snow/ });
  await expect(tile).toContainText('Link only');
  await tile.click();
  const detail = page.getByRole('dialog', { name: 'a fox in fresh snow' });
  await expect(
    detail.getByText(/could not be fetched from it \(the host sends no CORS headers\)/),
  ).toBeVisible();
  await expect(detail.getByRole('link', { name: 'Open the provider’s link' })).toHaveAttribute(
    'href',
    'https://images.example.test/fox.png',
  );
  await expect(detail.getByRole('button', { name: 'Download' })).toHaveCount(0);
});

test('at 390 px a notice keeps a file name whole, not split at its hyphens, inside the screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openGallery(page);
  const name = 'easel-gallery-2026-12-07.zip';
  await importArchive(page, name, seeded.zip);
  const notice = page.getByRole('status', { name: 'Gallery progress' });
  await expect(notice).toContainText(`Imported 4 images from ${name}.`);
  // The lines the name's letters sit on, and how far right they reach.
  const { lines, right } = await notice.evaluate((el, name) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(name);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + name.length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      return {
        lines: new Set(rects.map((r) => Math.round(r.top))).size,
        right: Math.max(...rects.map((r) => r.right)),
      };
    }
    return { lines: 0, right: 0 };
  }, name);
  expect(lines, `${name} on one line, not broken at a hyphen`).toBe(1);
  expect(right, 'the name inside the screen').toBeLessThanOrEqual(390);
});
