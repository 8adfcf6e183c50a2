/**
 * A job in flight when the tab reloads (issue 16, item 2): leaving asks first; after the
 * reload the job is shown as interrupted — the provider may have charged it — with its prompt
 * and settings kept and Try again one click away.
 */
import type { Page } from '@playwright/test';
import { differing, isSent, sentEdits, storedAs } from './compose-helpers.ts';
import { decode, openLandscape, paintAndApplyEdit, shownBytes } from './editor-helpers.ts';
import {
  expect,
  newestJob,
  pickOption,
  promptBox,
  setSlider,
  test,
  type TestEngine,
} from './generate-helpers.ts';

test('a generation reloaded mid-flight comes back interrupted, and Try again sends it once more', async ({
  page,
  engine,
}) => {
  await slowJobReady(page, engine, 'a paper crane on a windowsill');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect
    .poll(async () => (await engine.requests()).filter((r) => r.operation === 'generate').length)
    .toBe(1);

  // Leaving while it runs asks first (the request was sent; its result would not arrive).
  const asked = page.waitForEvent('dialog');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  expect((await asked).type()).toBe('beforeunload');

  const job = newestJob(page);
  await expect(job.getByText('Interrupted', { exact: true })).toBeVisible();
  await expect(job).toContainText('a paper crane on a windowsill');
  const alert = job.getByRole('alert');
  await expect(alert).toContainText('the provider may have charged this request');
  await expect(alert).toContainText('prompt and settings are kept');

  await alert.getByRole('button', { name: 'Try again' }).click();
  const rerun = newestJob(page);
  await expect(rerun.getByText('Saved', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(rerun).toContainText('a paper crane on a windowsill');
  const sent = (await engine.requests()).filter((r) => r.operation === 'generate');
  expect(sent).toHaveLength(2);
  expect(sent[1]!.fields).toMatchObject({
    prompt: 'a paper crane on a windowsill',
    size: '256x256',
  });

  // Tried again and saved: nothing comes back as interrupted after another reload.
  await page.reload();
  await expect(page.getByText('Interrupted', { exact: true })).toHaveCount(0);
});

test('a generation reloaded the moment it leaves, on a first visit, still comes back interrupted', async ({
  page,
  engine,
}) => {
  await slowJobReady(page, engine, 'a heron at first light');
  page.on('dialog', (dialog) => void dialog.accept());
  // The reload starts as the request leaves the browser: the job is sent while its record
  // (on a first visit, the database itself) is still being written.
  const reloaded = page
    .waitForRequest((request) => request.url().endsWith('/images/generations'))
    .then(() => page.reload());
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await reloaded;

  const job = newestJob(page);
  await expect(job.getByText('Interrupted', { exact: true })).toBeVisible();
  await expect(job).toContainText('a heron at first light');
  expect((await engine.requests()).filter((r) => r.operation === 'generate')).toHaveLength(1);
});

/** One small DALL·E 2 image asked with the prompt, ready to send; the engine will take 20 s. */
async function slowJobReady(page: Page, engine: TestEngine, prompt: string) {
  await page.goto('/');
  await pickOption(page, 'Model', 'DALL·E 2');
  await pickOption(page, 'Size', /256 × 256/);
  await setSlider(page, 'Number of images', 1);
  await promptBox(page).fill(prompt);
  await engine.queueFaults([{ type: 'latency', ms: 20_000 }]);
}

test('an edit reloaded mid-flight: Try again composes its result back and shows it in Compare', async ({
  page,
  engine,
  request,
}) => {
  // Two full-size edits composed in the worker, and a reload between: slow under load.
  test.setTimeout(150_000);
  const prompt = 'a lighthouse on the hill';
  await openLandscape(page);
  await engine.queueFaults([{ type: 'latency', ms: 30_000 }]);
  await paintAndApplyEdit(page, prompt, [
    { x: 400, y: 400 },
    { x: 800, y: 400 },
  ]);
  await expect
    .poll(async () => (await engine.requests()).filter((r) => r.operation === 'edit').length, {
      timeout: 30_000,
    })
    .toBe(1);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();

  const row = page.getByRole('article', { name: `Edit: ${prompt}` });
  await expect(row.getByText('Interrupted', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
  await row.getByRole('button', { name: 'Try again' }).click();

  // Like Apply edit: the result is composed back and opens in Compare, listed in the strip.
  const after = page.getByRole('img', { name: /^After/ });
  await expect(after).toBeVisible({ timeout: 60_000 });
  const strip = page.getByRole('navigation', { name: 'Edit results' });
  await expect(strip.getByRole('button', { name: /^Result 1: a lighthouse/ })).toBeVisible();
  expect((await engine.requests()).filter((r) => r.operation === 'edit')).toHaveLength(2);
  const { image, mask } = (await sentEdits(request, engine.url, prompt)).at(-1)!;
  const shown = await decode(await shownBytes(after));
  expect([shown.width, shown.height]).toEqual([1600, 1000]);
  // Outside the mask sent, every pixel is the image's own (the engine redraws it all).
  expect(differing(shown, image, (p) => !isSent(mask, p)).differ).toBe(0);
  expect(differing(shown, image, (p) => isSent(mask, p)).differ).toBeGreaterThan(0);

  // Stored once, as composed, and nothing left to come back interrupted.
  const stored = await storedAs(page, 'soft');
  expect(Buffer.compare(stored.image.data, shown.data)).toBe(0);
  expect(await storedKinds(page)).toEqual(['edit', 'upload']);
  await page.reload();
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
  await expect(page.getByText('Interrupted', { exact: true })).toHaveCount(0);
});

/** The kinds of the gallery's entries, sorted. */
function storedKinds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('easel-gallery');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as { kind: string }[]).map((e) => e.kind).sort());
          };
        };
      }),
  );
}
