/**
 * A full disk must never cost the gallery (issue 16, item 6). Three ways the browser's storage
 * fails, each as the user meets it:
 * - the site's quota is reached (quota overridden through the DevTools protocol);
 * - the browser empties the database under the studio (what Chromium does after repeated
 *   write failures on a full disk; cleared here through the DevTools protocol);
 * - a real small disk (a 60 MB tmpfs holding the Chromium profile), slower, skipped with a
 *   clear message where the machine cannot mount one.
 * In each: no result is reported "Saved" unless it is, Easel stops writing after the first
 * failure, the message says plainly what happened, what to free and to export now, and the
 * gallery keeps every entry it had.
 */
import { chromium, test as base, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions, DESKTOP_VIEWPORT } from './fixtures/chromium.ts';
import sharp from 'sharp';
import { downloadBytes, galleryGrid, galleryTiles } from './fixtures/gallery-page.ts';
import { expect, generate, pickOption, setSlider, test } from './generate-helpers.ts';

/** Generates `prompt` on `model` and waits for the job's outcome: Saved, Not saved or Failed. */
async function generateOn(page: Page, model: string, prompt: string) {
  await pickOption(page, 'Model', model);
  if (model === 'DALL·E 2') {
    await pickOption(page, 'Size', /256 × 256/);
    await setSlider(page, 'Number of images', 1);
  }
  await generate(page, prompt);
  // This job's card, by its prompt (newestJob would follow later jobs).
  const job = page
    .getByRole('region', { name: 'Results' })
    .getByRole('article', { name: `Generation: ${prompt}`, exact: true });
  await expect(job.getByText(/^(Saved|Not saved|Failed)$/)).toBeVisible({ timeout: 30_000 });
  return job;
}

const outcome = (job: Locator) => job.getByText(/^(Saved|Not saved|Failed)$/).textContent();

const stoppedBanner = (page: Page) => page.getByRole('alert', { name: 'Saving stopped' });

test('when the site’s storage is full Easel stops saving, keeps the gallery and says what to do', async ({
  page,
  baseURL,
}) => {
  // Room for a small first result, not for a 1024² one. Set before the site stores anything:
  // after a write Chromium trusts the room it last measured for a while, and
  // navigator.storage.estimate() never shows an overridden quota.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL!).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 150_000 });
  await page.goto('/');
  const first = await generateOn(page, 'DALL·E 2', 'a pebble on the shore');
  await expect(first.getByText('Saved', { exact: true })).toBeVisible();

  const full = await generateOn(page, 'GPT Image 1', 'a very large mural');
  expect(await outcome(full)).toBe('Not saved');
  const alert = full.getByRole('alert');
  await expect(alert).toContainText('storage for this site is full');
  await expect(alert).toContainText(/Free at least \d/);
  await expect(alert).toContainText('Export your gallery now');
  // The result itself stays on screen and downloadable.
  const bytes = await downloadBytes(page, () =>
    full.getByRole('button', { name: 'Download image 1' }).click(),
  );
  expect((await sharp(bytes).metadata()).width).toBe(1024);

  // Nothing more is written while storage is full: the next result is kept on screen only.
  const next = await generateOn(page, 'DALL·E 2', 'a second pebble');
  expect(await outcome(next)).toBe('Not saved');
  await expect(next.getByRole('alert')).toContainText('Easel has stopped saving');

  await expect(await galleryTiles(page)).toHaveCount(1);
  await expect(stoppedBanner(page)).toContainText('storage for this site is full');
  await expect(stoppedBanner(page).getByRole('button', { name: 'Export all' })).toBeEnabled();
  await expect(page.getByText(/No space left/)).toBeVisible();

  // Room again: the user retries, both results land, later ones save as before.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByRole('tab', { name: 'Generate' }).click();
  await full.getByRole('button', { name: 'Try saving again' }).click();
  await expect(full.getByText('Saved', { exact: true })).toBeVisible();
  await next.getByRole('button', { name: 'Try saving again' }).click();
  await expect(next.getByText('Saved', { exact: true })).toBeVisible();
  await expect(await galleryTiles(page)).toHaveCount(3);
  await expect(stoppedBanner(page)).toHaveCount(0);
});

test('a gallery database the browser recreated is noticed: nothing is reported saved into it', async ({
  page,
  baseURL,
}) => {
  await page.goto('/');
  const first = await generateOn(page, 'DALL·E 2', 'a red kite');
  await expect(first.getByText('Saved', { exact: true })).toBeVisible();
  await expect(await galleryTiles(page)).toHaveCount(1);
  await page.getByRole('tab', { name: 'Generate' }).click();

  // What Chromium does to a database it could not write: it deletes it and starts afresh.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', {
    origin: new URL(baseURL!).origin,
    storageTypes: 'indexeddb',
  });

  const after = await generateOn(page, 'DALL·E 2', 'a blue kite');
  expect(await outcome(after)).toBe('Not saved');
  await expect(after.getByRole('alert')).toContainText('The browser discarded the gallery');

  // It is still said after a reload, until the user chooses to start a new gallery.
  await page.reload();
  await page.getByRole('tab', { name: 'Gallery' }).click();
  const banner = stoppedBanner(page);
  await expect(banner).toContainText('The browser discarded the gallery');
  await banner.getByRole('button', { name: 'Start a new gallery' }).click();
  await expect(banner).toHaveCount(0);
  await page.getByRole('tab', { name: 'Generate' }).click();
  const fresh = await generateOn(page, 'DALL·E 2', 'a green kite');
  await expect(fresh.getByText('Saved', { exact: true })).toBeVisible();
});

/** A tmpfs of `mb` megabytes, or a reason it cannot be made here. */
function mountSmallDisk(mb: number): { dir: string; unmount: () => void } | string {
  const dir = mkdtempSync(join(tmpdir(), 'easel-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return `cannot mount a ${mb} MB tmpfs here (needs root or CAP_SYS_ADMIN): ${String(error).split('\n')[0]}`;
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const freeKb = (dir: string) =>
  Number(execFileSync('df', ['-k', '--output=avail', dir]).toString().split('\n')[1]);

base(
  'on a real full disk the gallery keeps every entry and nothing is said saved that is not',
  async ({ baseURL }) => {
    base.slow();
    const disk = mountSmallDisk(60);
    base.skip(typeof disk === 'string', typeof disk === 'string' ? disk : '');
    if (typeof disk === 'string') return;
    const context = await chromium.launchPersistentContext(join(disk.dir, 'profile'), {
      ...chromiumLaunchOptions,
      viewport: DESKTOP_VIEWPORT,
      baseURL,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto('/');
      const seed = await generateOn(page, 'GPT Image 1', 'a first mural');
      await expect(seed.getByText('Saved', { exact: true })).toBeVisible();
      // Leave ~300 KB: a few more 1024² results fit, then the disk is full.
      const filler = join(disk.dir, 'filler');
      execFileSync('fallocate', ['-l', `${Math.max(0, freeKb(disk.dir) - 300)}k`, filler]);

      let saved = 1;
      let failedJob: Locator | null = null;
      for (let i = 0; i < 12 && !failedJob; i++) {
        const job = await generateOn(page, 'GPT Image 1', `a mural number ${i}`);
        if ((await outcome(job)) === 'Saved') saved++;
        else failedJob = job;
      }
      expect(failedJob, 'the disk never filled').not.toBeNull();
      // Easel asks for room before it writes (room-probe.ts), and the browser answers a full
      // disk as it answers a full site quota; should a write still reach the database, Chromium
      // names the full disk (an IOError) or now and then gives no reason. The job's own record
      // (written as it is sent) may be the first write refused: its result then reads "Easel
      // has stopped saving because the disk or the browser's storage…".
      const alert = failedJob!.getByRole('alert');
      await expect(alert).toContainText(
        /[Tt]he disk is full|disk or the browser’s storage for this site is full|could not be written, and the browser did not say why/,
      );
      await expect(alert).toContainText(/Free at least \d/);
      await expect(alert).toContainText('Export your gallery now');

      // More results on the full disk: none is "Saved", none reaches the database.
      for (let i = 0; i < 2; i++) {
        const job = await generateOn(page, 'GPT Image 1', `after the disk filled ${i}`);
        expect(await outcome(job)).toBe('Not saved');
      }
      // Reading needs no room: the gallery still lists and shows every entry it kept.
      const cells = await galleryTiles(page);
      await expect(cells).toHaveCount(saved);
      await expect(galleryGrid(page).getByText(/No preview|Preview unreadable/)).toHaveCount(0);
      await cells.filter({ hasText: 'a first mural' }).click();
      const detail = page.getByRole('dialog', { name: 'a first mural' });
      await expect(detail.getByRole('img', { name: /^Full image/ })).toHaveJSProperty(
        'naturalWidth',
        1024,
      );
      await page.keyboard.press('Escape');
      await expect(stoppedBanner(page)).toContainText('Easel has stopped saving');
      await expect(page.getByText(/No space left|The last save failed/)).toBeVisible();
      await expect(page.getByText(/GB free/)).toHaveCount(0);

      // Space freed: the failed result is saved on request, and a reload finds everything.
      rmSync(filler);
      await page.getByRole('tab', { name: 'Generate' }).click();
      await failedJob!.getByRole('button', { name: 'Try saving again' }).click();
      await expect(failedJob!.getByText('Saved', { exact: true })).toBeVisible();
      await page.reload();
      await expect(await galleryTiles(page)).toHaveCount(saved + 1);
    } finally {
      await context.close();
      disk.unmount();
    }
  },
);
