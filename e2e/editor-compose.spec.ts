/**
 * Soft compose-back against the drifting engine (GPT edits redraw the unpainted area with a
 * small colour cast, blur and noise): the mask sent is the painting grown a little, the
 * stored result is the original byte for byte beyond that, blends across the rim, and the
 * compare view's Raw / Hard / Soft and sliders change what the gallery stores.
 */
import type { Page } from '@playwright/test';
import { expect, setSlider, test } from './generate-helpers.ts';
import {
  applyEdit,
  decode,
  openLandscape,
  paintRectangle,
  previewMask,
  shownBytes,
} from './editor-helpers.ts';
import { differing, isSent, sentEdits, storedAs } from './compose-helpers.ts';
import { DESKTOP_VIEWPORT } from './fixtures/chromium.ts';
import { composeWorker, crashComposeWorkerOnCall, crashOnCall } from './worker-crash.ts';

test('a GPT edit is soft-composed; Raw, Hard, Soft and Grow change the stored result @dpr2', async ({
  page,
  engine,
  request,
}, testInfo) => {
  test.setTimeout(150_000);
  const prompt = `a kite over the hills (${testInfo.project.name})`;
  await openLandscape(page);
  await paintRectangle(page, { x: 600, y: 300 }, { x: 900, y: 550 });
  const painting = await previewMask(page);
  // A wide image starts at a size of its own shape (auto): no squashing note to act on.
  await expect(page.getByRole('button', { name: 'Use size auto' })).toHaveCount(0);
  await applyEdit(page, prompt);
  const soft = await storedAs(page, 'soft');

  const [{ image, mask } = { image: undefined, mask: undefined }] = await sentEdits(
    request,
    engine.url,
    prompt,
  );
  const painted = (p: number) => isSent(painting, p);
  const sent = (p: number) => isSent(mask!, p);
  const rim = (p: number) => sent(p) && !painted(p);
  // The mask sent: the painting grown by the Grow shown in Compare, every painted pixel in it.
  const grow = Number(
    await page.getByRole('slider', { name: 'Grow' }).getAttribute('aria-valuenow'),
  );
  expect(grow).toBeGreaterThan(4);
  expect(differing(painting, mask!, painted).differ).toBe(0);
  expect(differing(painting, mask!, () => true).differ).toBeGreaterThan(grow * 2 * (300 + 250));

  // Soft: beyond the rim the original exactly; across it, a blend of result and original.
  expect([soft.image.width, soft.image.height]).toEqual([1600, 1000]);
  expect(differing(soft.image, image!, (p) => !sent(p)).differ).toBe(0);
  expect(soft.compose).toMatchObject({ mode: 'soft', grow, colourMatch: true });

  await page.getByRole('radio', { name: 'Raw' }).click();
  const raw = await storedAs(page, 'raw');
  // The drifting engine changed most of what was not painted.
  const outside = differing(raw.image, image!, (p) => !sent(p));
  expect(outside.differ).toBeGreaterThan(outside.count / 2);

  await page.getByRole('radio', { name: 'Hard' }).click();
  const hard = await storedAs(page, 'hard');
  expect(differing(hard.image, image!, (p) => !sent(p)).differ).toBe(0);
  expect(differing(hard.image, raw.image, sent).differ).toBe(0);
  // Soft differs from both in most of the rim: neither the raw redraw nor the original.
  const softVsHard = differing(soft.image, hard.image, rim);
  const softVsOriginal = differing(soft.image, image!, rim);
  expect(softVsHard.differ).toBeGreaterThan(softVsHard.count / 2);
  expect(softVsOriginal.differ).toBeGreaterThan(softVsOriginal.count / 2);

  // Soft with Grow 0: only what was painted comes from the result.
  await page.getByRole('radio', { name: 'Soft' }).click();
  await setSlider(page, 'Grow', 0);
  await expect
    .poll(async () => (await storedAs(page, 'soft')).compose?.grow, { timeout: 30_000 })
    .toBe(0);
  const tight = await storedAs(page, 'soft');
  expect(differing(tight.image, image!, (p) => !painted(p)).differ).toBe(0);
});

/** An edit applied to the landscape, stored soft-composed and open in Compare. */
async function editShownInCompare(page: Page, prompt: string) {
  await openLandscape(page);
  await paintRectangle(page, { x: 600, y: 300 }, { x: 900, y: 550 });
  await applyEdit(page, prompt);
  await storedAs(page, 'soft');
}

/** Grow set to 0 in Compare is drawn and stored, and no error is shown. */
async function growZeroIsStored(page: Page) {
  await setSlider(page, 'Grow', 0);
  await expect
    .poll(async () => (await storedAs(page, 'soft')).compose?.grow, { timeout: 30_000 })
    .toBe(0);
  await expect(page.getByText(/could not be (drawn|stored)|unavailable/)).toHaveCount(0);
}

test('when the compose worker crashes, Compare says so, starts a fresh one and loses nothing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await editShownInCompare(page, 'a lantern in the grass');
  // Compare has opened the result in the worker: its settings are shown. (A crash while it
  // is still opening the result is the next test's case.)
  await expect(page.getByRole('slider', { name: 'Grow', exact: true })).toBeVisible();

  // A real crash: an uncaught error inside the compose worker (as an out-of-memory would be).
  const worker = composeWorker(page);
  const closed = new Promise((done) => worker.once('close', done));
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('out of memory (test)');
    });
  });
  await closed;

  // The next setting is drawn and stored by a fresh worker; the designer is told.
  await growZeroIsStored(page);
  await expect(page.getByRole('alert')).toContainText('The compose worker stopped');
});

test('when the compose worker crashes as Compare opens a result, a fresh one opens it and the controls stay', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await editShownInCompare(page, 'a lantern in the grass');
  await expect(page.getByRole('slider', { name: 'Grow', exact: true })).toBeVisible();

  // Back to painting: Compare closes the result in the worker.
  await page.getByRole('radio', { name: 'Paint' }).click();
  await expect(page.getByRole('slider', { name: 'Grow', exact: true })).toHaveCount(0);
  // The worker now crashes on the next result it is asked to open (as an out-of-memory on a
  // large result would).
  const { stopped } = await crashOnCall(composeWorker(page), 'open');
  await page.getByRole('radio', { name: 'Compare' }).click();
  await stopped;
  // A fresh worker opened the result: the compose settings are there to use, and they work.
  await expect(page.getByRole('slider', { name: 'Grow', exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('started a fresh one');
  // On a phone the note and the controls above the picture do not squeeze it to a strip.
  await page.setViewportSize({ width: 390, height: 844 });
  const after = page.getByRole('img', { name: /^After/ });
  await expect.poll(async () => (await after.boundingBox())?.width).toBeGreaterThan(0.7 * 390);
  await page.setViewportSize(DESKTOP_VIEWPORT);
  await growZeroIsStored(page);
});

test('when the compose worker crashes as an edit result comes back, the result is still composed and saved', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openLandscape(page);
  await paintRectangle(page, { x: 600, y: 300 }, { x: 900, y: 550 });
  // The compose worker starts with Apply edit (it makes the mask sent) and crashes when it is
  // asked to compose the returned result back, the engine's answer being hundreds of ms away.
  const { stopped } = await crashComposeWorkerOnCall(page, 'composeOnce');
  await applyEdit(page, 'a kettle on the hill');
  await stopped;
  // A fresh worker composed it: the paid-for result is shown, blended, and in the gallery.
  const stored = await storedAs(page, 'soft');
  expect([stored.image.width, stored.image.height]).toEqual([1600, 1000]);
  await expect(page.getByRole('img', { name: 'After: result 1, soft compose' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('Mask preview shows the very mask the edit sends: with Keep unpainted pixels, the painting grown by its rim', async ({
  page,
  engine,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const prompt = `a kite, as previewed (${testInfo.project.name})`;
  await openLandscape(page);
  await paintRectangle(page, { x: 600, y: 300 }, { x: 900, y: 550 });
  await page.getByRole('button', { name: 'Mask preview' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mask preview' });
  const shown = await decode(
    await shownBytes(dialog.getByRole('img', { name: /^Mask to be sent/ })),
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await applyEdit(page, prompt);
  await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 60_000 });
  const [sent] = await sentEdits(request, engine.url, prompt);
  expect([shown.width, shown.height]).toEqual([sent!.mask.width, sent!.mask.height]);
  expect(differing(shown, sent!.mask, () => true).differ).toBe(0);

  // It says why it is larger than the painting, which is a click away.
  await page.getByRole('radio', { name: 'Paint' }).click();
  await page.getByRole('button', { name: 'Mask preview' }).click();
  await expect(dialog).toContainText(/your painting grown by \d+ px/);
  await dialog.getByRole('radio', { name: 'As painted' }).click();
  await expect(
    dialog.getByRole('img', { name: /^Painted area, 1600 by 1000 pixels/ }),
  ).toBeVisible();
});
