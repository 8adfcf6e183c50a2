/**
 * Extend canvas against the real engine: the request's size, image and mask as the engine
 * received them (new area plus an overlap band transparent, the original opaque in the
 * middle), the result at the canvas's size with the original where it was, an extend
 * past one request's limits made in three overlapping frames, and a small picture's canvas
 * asked for at a size the model makes.
 */
import type { Page } from '@playwright/test';
import { expect, pickOption, promptBox, setSlider, test as base } from './generate-helpers.ts';
import {
  alphaAt,
  decode,
  landscapeJpeg,
  openEditor,
  pickImage,
  shownBytes,
  type DecodedImage,
} from './editor-helpers.ts';
import { isSent, newestStoredEdit, sentEdits } from './compose-helpers.ts';
import { crashComposeWorkerOnCall } from './worker-crash.ts';

const BAND = 48; // overlapBand for a 512², 768² or 1024² original

/** The picture each test opens: a 1024² one unless its describe says otherwise. */
const test = base.extend<{ picture: { name: string; width: number; height: number } }>({
  picture: [{ name: 'square.jpg', width: 1024, height: 1024 }, { option: true }],
});
const small = { name: 'small.jpg', width: 512, height: 512 };

test.beforeEach(async ({ page, engine, picture }) => {
  expect(engine.url).toMatch(/^http:/);
  await openEditor(page);
  await pickOption(page, 'Model', 'GPT Image 2');
  await pickImage(page, {
    name: picture.name,
    mimeType: 'image/jpeg',
    buffer: await landscapeJpeg(picture.width, picture.height),
  });
  await expect(
    page.getByText(`${picture.name} · ${picture.width}×${picture.height}`),
  ).toBeVisible();
  await page.getByRole('radio', { name: 'Extend canvas' }).click();
});

const canvasSize = (page: Page) => page.getByRole('group', { name: 'Canvas size' });

/**
 * A 512² picture on a canvas of 2048×512: past GPT Image 2's 3:1, so made in three frames of
 * 1536×512, as it says (the smallest canvas that needs three frames: the frames of a
 * 4096×1024 canvas at a quarter of the pixels, each still a size the model makes).
 */
async function widenTo2048(page: Page) {
  await canvasSize(page).getByLabel('Width').fill('2048');
  await canvasSize(page).getByLabel('Width').press('Enter');
  await expect(page.getByText(/2048×512, made in 3 overlapping frames of 1536×512/)).toBeVisible();
}

/**
 * Pixels of the original's middle (beyond the band) where the 2048×512 canvas stored is not
 * frame 1 of its 1536×512 frames: the first frame must be pasted where it was made.
 */
function changedFromFirstFrame(canvas: DecodedImage, firstFrame: DecodedImage): number {
  const offset = 2048 / 2 - 512 / 2 - (2048 - 1536) / 2; // the original's x in frame 1
  let changed = 0;
  for (let y = 0; y < 512; y += 3) {
    for (let x = BAND; x < 512 - BAND; x += 3) {
      const canvasAt = (y * 2048 + 768 + x) * 4;
      const frameAt = (y * 1536 + offset + x) * 4;
      if (canvas.data.readUInt32LE(canvasAt) !== firstFrame.data.readUInt32LE(frameAt)) changed++;
    }
  }
  return changed;
}

/** How many stopped extends the studio keeps to go on with after a reload. */
const keptStoppedExtends = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('easel-editor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const rows = open.result.transaction('sessions').objectStore('sessions');
          const count = rows.count(IDBKeyRange.bound('stopped-extend:', 'stopped-extend:\uffff'));
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );

async function extend(page: Page, prompt: string) {
  await promptBox(page).fill(prompt);
  await page.getByRole('button', { name: 'Extend', exact: true }).click();
}

/** Checks one extend's request and stored result; the original sits at (left, top). */
async function checkExtend(
  page: Page,
  sent: { image: DecodedImage; mask: DecodedImage; edit: { fields: Record<string, unknown> } },
  size: [number, number],
  left: number,
  top: number,
  side: number,
) {
  const [w, h] = size;
  expect(sent.edit.fields.size).toBe(`${w}x${h}`);
  expect([sent.image.width, sent.image.height, sent.mask.width, sent.mask.height]).toEqual([
    w,
    h,
    w,
    h,
  ]);
  const inOriginal = (x: number, y: number) =>
    x >= left && x < left + side && y >= top && y < top + side;
  const beyondBand = (x: number, y: number) =>
    (left === 0 || x >= left + BAND) &&
    (left + side === w || x < left + side - BAND) &&
    (top === 0 || y >= top + BAND) &&
    (top + side === h || y < top + side - BAND);
  let wrong = 0;
  for (let y = 0; y < h; y += 7) {
    for (let x = 0; x < w; x += 7) {
      const transparent = isSent(sent.mask, y * w + x);
      const expected = !inOriginal(x, y) || !beyondBand(x, y);
      if (transparent !== expected) wrong++;
      // The image sent is opaque everywhere: the new area is pre-filled, not transparent.
      if (sent.image.data[(y * w + x) * 4 + 3] !== 255) wrong++;
    }
  }
  expect(wrong).toBe(0);
  // The stored result: the canvas's size, and the original exactly where the mask kept it.
  await expect.poll(async () => (await newestStoredEdit(page))?.width, { timeout: 60_000 }).toBe(w);
  const stored = (await newestStoredEdit(page))!;
  expect([stored.image.width, stored.image.height]).toEqual([w, h]);
  let changed = 0;
  for (let p = 0; p < w * h; p++) {
    if (isSent(sent.mask, p)) continue;
    if (stored.image.data.readUInt32LE(p * 4) !== sent.image.data.readUInt32LE(p * 4)) changed++;
  }
  expect(changed).toBe(0);
}

test('the picture is shown on the new canvas, and dragging an edge widens the canvas', async ({
  page,
}) => {
  // The layout is the whole point of this view: the picture where it will sit, at a size
  // one can see and drag, with a handle on each edge.
  const picture = page.getByRole('img', { name: /^The picture, \d+ px from the left/ });
  await expect(picture).toBeVisible();
  const box = (await picture.boundingBox())!;
  expect(box.width).toBeGreaterThan(200);
  expect(box.height).toBeCloseTo(box.width, -1);

  const right = page.getByRole('slider', { name: 'Right edge' });
  await expect(right).toBeVisible();
  const handle = (await right.boundingBox())!;
  const from = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 60, from.y, { steps: 6 });
  await page.mouse.up();
  const width = Number(await canvasSize(page).getByLabel('Width').inputValue());
  expect(width).toBeGreaterThan(1024);
});

test.describe('a 768² picture', () => {
  // The smallest square whose 3:2 canvas GPT Image 2 still makes at its own size.
  test.use({ picture: { name: 'square.jpg', width: 768, height: 768 } });

  test('extends 768² to 1152x768 (3:2) and to 1536x864, one request each @dpr2', async ({
    page,
    engine,
    request,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.getByRole('radio', { name: '3:2' }).click();
    await expect(page.getByText('1152×768, made in one request.')).toBeVisible();
    const wide = `the hills go on (${testInfo.project.name})`;
    await extend(page, wide);
    await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 60_000 });
    const [first] = await sentEdits(request, engine.url, wide);
    await checkExtend(page, first!, [1152, 768], 192, 0, 768);

    await page.getByRole('radio', { name: 'Extend canvas' }).click();
    await canvasSize(page).getByLabel('Width').fill('1536');
    await canvasSize(page).getByLabel('Height').fill('864');
    await canvasSize(page).getByLabel('Height').press('Enter');
    await expect(page.getByText('1536×864, made in one request.')).toBeVisible();
    const wider = `wider still (${testInfo.project.name})`;
    await extend(page, wider);
    await expect
      .poll(async () => (await engine.requests()).filter((r) => r.fields.prompt === wider).length, {
        timeout: 60_000,
      })
      .toBe(1);
    const [second] = await sentEdits(request, engine.url, wider);
    await checkExtend(page, second!, [1536, 864], 384, 48, 768);
  });
});

test.describe('a 2048×512 canvas, made in frames', () => {
  // Three frames composed in the worker, one after another: slow on a loaded machine.
  test.describe.configure({ timeout: 120_000 });
  test.use({ picture: small });

  test('an extend past one request’s limits is made in three overlapping frames, as one picture: said at Number of images, costing the sum of its frames, and compared with the picture as it was on the new canvas', async ({
    page,
    engine,
    request,
  }) => {
    // Number of images asks for two; frames continue one another: one picture, and why.
    await setSlider(page, 'Number of images', 2);
    await widenTo2048(page);
    const count = page.getByRole('slider', { name: 'Number of images', exact: true });
    await expect(count).toHaveAttribute('aria-valuenow', '1');
    await expect(count).toHaveAttribute('aria-disabled', 'true');
    await expect(count).toHaveAccessibleDescription(
      'An extend made in 3 frames makes one picture: each frame continues the last.',
    );
    // The estimate is for those frames, one image each.
    await promptBox(page).fill('a long panorama');
    await expect(page.getByText(/^Estimated cost ≈ \$[\d.]+/)).toHaveText(
      /^Estimated cost ≈ \$[\d.]+ · 3 frames$/,
    );
    await extend(page, 'a long panorama');
    await expect(
      page.getByRole('status').filter({ hasText: /Making frame [23] of 3/ }),
    ).toBeVisible({
      timeout: 120_000,
    });
    await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 180_000 });
    const frames = await sentEdits(request, engine.url, 'a long panorama');
    expect(frames.map((f) => f.edit.fields.size)).toEqual(['1536x512', '1536x512', '1536x512']);
    // The finished canvas is stored whole; its middle, beyond the band, is the original.
    const stored = (await newestStoredEdit(page))!;
    expect([stored.image.width, stored.image.height]).toEqual([2048, 512]);
    expect(changedFromFirstFrame(stored.image, frames[0]!.image)).toBe(0);
    // Compare: before, the picture as it was on the new canvas (the new area empty, the
    // picture in the middle), not the result twice; after, all made.
    const after = page.getByRole('img', { name: /^After/ });
    const [before, made] = await Promise.all([
      shownBytes(page.getByRole('img', { name: /^Before/ })).then(decode),
      shownBytes(after).then(decode),
    ]);
    expect([before.width, before.height, made.width, made.height]).toEqual([2048, 512, 2048, 512]);
    expect([alphaAt(before, 100, 256), alphaAt(before, 1024, 256)]).toEqual([0, 255]);
    expect(alphaAt(made, 100, 256)).toBe(255);
    // Compare says what the frames cost together, as it does for an edit.
    await expect(page.getByText(/^Cost (≈ )?\$[\d.]+ · 3 frames$/)).toBeVisible();
  });

  test('when the compose worker crashes between frames, a fresh one takes the frames made so far and the extend finishes', async ({
    page,
    engine,
    request,
  }) => {
    // The worker holding the canvas crashes as the second frame is pasted into it (as an
    // out-of-memory on a wide canvas would); only that worker, so a fresh one can go on.
    await widenTo2048(page);
    const { stopped } = await crashComposeWorkerOnCall(page, 'extendPaste', 2);
    await extend(page, 'a crashing panorama');
    await stopped;
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'started a fresh one with the frames made so far' }),
    ).toBeVisible();
    await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 180_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
    // Three frames were paid for, not four: none was asked again.
    const frames = await sentEdits(request, engine.url, 'a crashing panorama');
    expect(frames).toHaveLength(3);
    const stored = (await newestStoredEdit(page))!;
    expect([stored.image.width, stored.image.height]).toEqual([2048, 512]);
    // The finished canvas holds the first frame where it was pasted: the original's right
    // edge area, beyond the band, came from frame 1 through the replay on the fresh worker.
    expect(changedFromFirstFrame(stored.image, frames[0]!.image)).toBe(0);
  });

  test('when a frame fails, the frames made stay on the canvas, kept as one picture, the alert says where the missing ones are, and Extend makes only those', async ({
    page,
    engine,
    request,
  }) => {
    await widenTo2048(page);
    const prompt = 'a panorama cut short';
    // The first frame is made; the second fails (out of quota: not retried, so no wait),
    // and fails again the first time Extend is pressed after.
    await engine.queueFaults([
      { type: 'latency', ms: 0, operation: 'edit' },
      { type: 'quota', operation: 'edit' },
      { type: 'quota', operation: 'edit' },
    ]);
    await extend(page, prompt);
    const why = page.getByRole('alert').filter({ hasText: 'did not finish' });
    // Where the frames are, in words: the first is around the picture, then left, then right.
    const stopped =
      /^The frame on the left \(2 of 3\) did not finish: .+ The frame around the picture is kept on the canvas and in the gallery as one picture; the frames on the left and on the right are missing \(left transparent\)\. Press Extend to make only those frames, or Start over from the original\.Start over$/;
    await expect(why).toHaveText(stopped, { timeout: 60_000 });
    // What was made and paid for stays in view, not the empty layout.
    const soFar = page.getByRole('img', { name: 'The extended canvas so far' });
    await expect(soFar).toBeVisible();
    const strip = page.getByRole('navigation', { name: 'Edit results' });
    await expect(strip.getByRole('button', { name: `Result 1: ${prompt}` })).toHaveCount(1);
    const stored = (await newestStoredEdit(page))!;
    expect([stored.image.width, stored.image.height]).toEqual([2048, 512]);

    // Extend again goes on from there: only the two missing frames are estimated and sent.
    const estimate = page.getByText(/^Estimated cost ≈ \$[\d.]+/);
    await expect(estimate).toHaveText(/^Estimated cost ≈ \$[\d.]+ · 2 frames$/);
    // Another model plans other frames (GPT Image 1: four of 768×512): the alert says, as the
    // estimate counts, that Extend makes them all; back on GPT Image 2, only the missing ones.
    await pickOption(page, 'Model', 'GPT Image 1');
    await expect(why).toContainText(
      'missing (left transparent). The frames made do not fit the frames planned now (another model, or the picture prepared another way): Extend makes all 4 frames again, from the original; the frames made stay in the gallery.',
    );
    await expect(estimate).toHaveText(/· 4 frames$/);
    await pickOption(page, 'Model', 'GPT Image 2');
    await expect(why).toHaveText(stopped);
    await expect(estimate).toHaveText(/· 2 frames$/);
    // DALL·E 2 takes smaller uploads, so the picture is prepared again, and again on the way
    // back: the same picture prepared the same way, so the frames made still count.
    await pickOption(page, 'Model', 'DALL·E 2');
    await expect(why).toContainText('Extend makes all');
    await pickOption(page, 'Model', 'GPT Image 2');
    await expect(why).toHaveText(stopped);
    await expect(estimate).toHaveText(/· 2 frames$/);
    const sent = async () =>
      (await engine.requests()).filter((r) => r.fields.prompt === prompt).length;
    expect(await sent()).toBe(2);
    // Reloaded (or come back tomorrow), the same picture in Extend offers to go on from the
    // frames made, read back from the gallery: the layout it stopped on, the canvas so far,
    // and an estimate of the missing frames only.
    await page.reload();
    await page.getByRole('tab', { name: 'Edit' }).click();
    // The layout it stopped on is the first one shown: not the default one while its frames
    // are read back (each width the Width field shows, frame by frame, is noted).
    // Nor is an estimate shown that is not what Extend sends: every one shown is noted too.
    await page.evaluate(() => {
      const seen: string[] = [];
      const estimates: string[] = [];
      Object.assign(window, { widthsSeen: seen, estimatesSeen: estimates });
      const look = () => {
        const width = document.querySelector<HTMLInputElement>(
          '[role="group"][aria-label="Canvas size"] input',
        )?.value;
        if (width && seen.at(-1) !== width) seen.push(width);
        requestAnimationFrame(look);
      };
      look();
      const estimate = () => {
        const text = document.querySelector('.cost-estimate')?.textContent;
        if (text && estimates.at(-1) !== text) estimates.push(text);
      };
      new MutationObserver(estimate).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await page.getByRole('radio', { name: 'Extend canvas' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'An extend of this picture stopped part-way' }),
    ).toHaveText(
      'An extend of this picture stopped part-way: the frame around the picture is kept in the gallery; the frames on the left and on the right are missing (left transparent). Press Extend to make only those frames, or Start over from the original.Start over',
    );
    expect(
      await page.evaluate(() => (window as unknown as { widthsSeen: string[] }).widthsSeen),
    ).toEqual(['2048']);
    await expect(soFar).toBeVisible();
    await expect(canvasSize(page).getByLabel('Width')).toHaveValue('2048');
    await expect(promptBox(page)).toHaveValue(prompt);
    await expect(estimate).toHaveText(/^Estimated cost ≈ \$[\d.]+ · 2 frames$/);
    // While the frames made were read back, it said it was counting them: no figure.
    const estimates = await page.evaluate(
      () => (window as unknown as { estimatesSeen: string[] }).estimatesSeen,
    );
    expect(estimates).toContain('Estimate: counting the frames still to make…');
    expect(estimates.filter((text) => text.endsWith('frames'))).toEqual([
      expect.stringMatching(/· 2 frames$/),
    ]);
    // Failed again: nothing made is lost, and the alert still says what is missing.
    await page.getByRole('button', { name: 'Extend', exact: true }).click();
    await expect.poll(sent).toBe(3);
    await expect(why).toHaveText(stopped);
    await expect(soFar).toBeVisible();
    // Try again on the failed frame's request goes on from it: that frame, then the last.
    // Extend pressed while that retry is still on its way waits for its answer: the frame
    // is not asked (and paid) for twice.
    await engine.queueFaults([{ type: 'latency', ms: 1500, operation: 'edit' }]);
    await page.getByRole('button', { name: 'Try again' }).first().click();
    await expect.poll(sent).toBe(4);
    await page.getByRole('button', { name: 'Extend', exact: true }).click();
    await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 60_000 });
    await expect(why).toHaveCount(0);
    const frames = await sentEdits(request, engine.url, prompt);
    expect(frames).toHaveLength(5);
    // The finished picture is the whole canvas, frame 1 where it was made the first time.
    const whole = (await newestStoredEdit(page))!;
    expect([whole.image.width, whole.image.height]).toEqual([2048, 512]);
    expect(changedFromFirstFrame(whole.image, frames[0]!.image)).toBe(0);
    expect(alphaAt(whole.image, 10, 256)).toBe(255);
    expect(alphaAt(whole.image, 2040, 256)).toBe(255);
    // Finished, it is forgotten: a reload no longer offers to go on with it.
    expect(await keptStoppedExtends(page)).toBe(0);
  });

  test('Start over from the keyboard forgets the frames made, plans every frame, and leaves the focus on the canvas size', async ({
    page,
    engine,
  }) => {
    await widenTo2048(page);
    await engine.queueFaults([
      { type: 'latency', ms: 0, operation: 'edit' },
      { type: 'quota', operation: 'edit' },
    ]);
    await extend(page, 'a panorama started again');
    const why = page.getByRole('alert').filter({ hasText: 'did not finish' });
    await expect(why).toBeVisible({ timeout: 60_000 });
    const estimate = page.getByText(/^Estimated cost ≈ \$[\d.]+/);
    await expect(estimate).toHaveText(/· 2 frames$/);

    await why.getByRole('button', { name: 'Start over' }).focus();
    await page.keyboard.press('Enter');
    await expect(why).toHaveCount(0);
    await expect(estimate).toHaveText(/· 3 frames$/);
    // The next key goes to the layout, not to the top of the page.
    await expect(canvasSize(page).locator(':focus')).toHaveCount(1);
    expect(await keptStoppedExtends(page)).toBe(0);
  });
});

test.describe('a 512² picture', () => {
  test.use({ picture: small });

  test('a picture smaller than the model makes is extended in one request at a size the model takes, the result scaled to the canvas', async ({
    page,
    engine,
    request,
  }) => {
    // 768×512 is under GPT Image 2's smallest size (655,360 pixels): the studio asks for the
    // canvas's own shape at a size the model makes, and scales the answer back to the canvas.
    await page.getByRole('radio', { name: '3:2' }).click();
    await expect(page.getByText('768×512, made in one request.')).toBeVisible();
    await extend(page, 'a small picture, wider');
    await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 60_000 });
    const [sent, ...more] = await sentEdits(request, engine.url, 'a small picture, wider');
    expect(more).toHaveLength(0);
    // The canvas's own pixels go out; the size asked for is larger, of exactly its shape.
    expect([sent!.image.width, sent!.image.height, sent!.mask.width, sent!.mask.height]).toEqual([
      768, 512, 768, 512,
    ]);
    const [w, h] = String(sent!.edit.fields.size).split('x').map(Number) as [number, number];
    expect(w * h).toBeGreaterThanOrEqual(655_360);
    expect(w / h).toBe(768 / 512);
    // The result is the canvas's size, the original kept exactly where the mask kept it.
    await expect
      .poll(async () => (await newestStoredEdit(page))?.width, { timeout: 60_000 })
      .toBe(768);
    const stored = (await newestStoredEdit(page))!;
    expect([stored.image.width, stored.image.height]).toEqual([768, 512]);
    let changed = 0;
    for (let p = 0; p < 768 * 512; p++) {
      if (isSent(sent!.mask, p)) continue;
      if (stored.image.data.readUInt32LE(p * 4) !== sent!.image.data.readUInt32LE(p * 4)) changed++;
    }
    expect(changed).toBe(0);
  });
});

test('a canvas no larger than the picture cannot be sent: Extend says to make it larger first', async ({
  page,
  engine,
}) => {
  await canvasSize(page).getByLabel('Width').fill('1024');
  await canvasSize(page).getByLabel('Width').press('Enter');
  await expect(page.getByText('1024×1024: drag an edge or pick a shape')).toBeVisible();
  await promptBox(page).fill('nothing to add');
  const button = page.getByRole('button', { name: 'Extend', exact: true });
  await expect(button).toBeDisabled();
  await expect(page.getByText('Make the canvas larger than the picture first')).toBeVisible();
  // Pressed from the prompt with Ctrl+Enter, it sends nothing either.
  await promptBox(page).press('Control+Enter');
  await page.getByRole('radio', { name: '3:2' }).click();
  await expect(button).toBeEnabled();
  expect(await engine.requests()).toEqual([]);
});

test('on a phone, a refused extend says why in one sentence and the canvas stays in view', async ({
  page,
  engine,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await engine.queueFaults([{ type: 'safety' }]);
  await page.getByRole('button', { name: /^Prompt/ }).click();
  await extend(page, 'a wide beach');
  await expect(page.getByRole('status').filter({ hasText: 'Extending' })).toHaveCount(0);
  const why = page.getByRole('alert').filter({ hasText: 'The extend did not finish' });
  await expect(why).toHaveText(
    "The extend did not finish: Test engine's safety system refused this request (flagged: violence).",
  );
  // What to do is said once, in the failed request's row, with its button.
  await expect(page.getByRole('button', { name: 'Edit the prompt' })).toBeVisible();
  // The failed request's row below takes room; the canvas keeps enough to be seen and
  // dragged (it once had none, the picture gone).
  const picture = page.getByRole('img', { name: /^The picture, / });
  await expect(picture).toBeVisible();
  expect((await picture.boundingBox())!.height).toBeGreaterThan(100);
});

test('the reference images shown beside the prompt go with an extend, as with an edit', async ({
  page,
  engine,
  request,
}) => {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByText('Add reference images…').click(),
  ]);
  await chooser.setFiles({
    name: 'style.jpg',
    mimeType: 'image/jpeg',
    buffer: await landscapeJpeg(320, 200),
  });
  await expect(page.getByText('1 of 15')).toBeVisible();
  await page.getByRole('radio', { name: '3:2' }).click();
  await extend(page, 'wider, in this style');
  await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 60_000 });
  const log = (await (await request.get(`${engine.url}/__engine/requests`)).json()) as {
    operation: string;
    fields: Record<string, unknown>;
    files: { field: string; width: number; height: number }[];
  }[];
  const sent = log.filter(
    (r) => r.operation === 'edit' && r.fields.prompt === 'wider, in this style',
  );
  expect(sent).toHaveLength(1);
  expect(sent[0]!.files.map((f) => [f.field, f.width, f.height])).toEqual([
    ['image[]', 1536, 1024],
    ['image[]', 320, 200],
    ['mask', 1536, 1024],
  ]);
});

test('a canvas one frame covers but one request cannot make comes back whole, not as that frame', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await pickOption(page, 'Model', /^DALL·E 2/);
  // The picture at the left of a 1200×1024 canvas: DALL·E 2 makes squares, and one 1024²
  // frame at the right takes in all the new area.
  await canvasSize(page).getByLabel('Width').fill('1024');
  await canvasSize(page).getByLabel('Width').press('Enter');
  const right = page.getByRole('slider', { name: 'Right edge' });
  await right.focus();
  for (let i = 0; i < 11; i++) await right.press('ArrowRight');
  await expect(
    page.getByText('1200×1024, made in one frame of 1024×1024 that takes in all the new area.'),
  ).toBeVisible();
  await extend(page, 'a little more sky to the right');
  const after = page.getByRole('img', { name: /^After/ });
  await expect(after).toBeVisible({ timeout: 90_000 });
  const shown = await decode(await shownBytes(after));
  expect([shown.width, shown.height]).toEqual([1200, 1024]);
});

test.describe('a 768×512 picture', () => {
  test.use({ picture: { name: 'wide.jpg', width: 768, height: 512 } });

  test('DALL·E 2 extends a picture that is not square without asking for a crop: the frames are square', async ({
    page,
    engine,
    request,
  }) => {
    test.setTimeout(120_000);
    await pickOption(page, 'Model', /^DALL·E 2/);
    const crop = page.getByRole('dialog', { name: 'Make it square for DALL·E 2' });
    await canvasSize(page).getByLabel('Height').fill('1024');
    await canvasSize(page).getByLabel('Height').press('Enter');
    await canvasSize(page).getByLabel('Width').fill('1024');
    await canvasSize(page).getByLabel('Width').press('Enter');
    await expect(page.getByText('1024×1024, made in one request.')).toBeVisible();
    await expect(page.getByText(/needs a square image/)).toHaveCount(0);
    await extend(page, 'a wide field, squared');
    await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 90_000 });
    const [sent] = await sentEdits(request, engine.url, 'a wide field, squared');
    expect(sent!.edit.fields.size).toBe('1024x1024');
    expect([sent!.image.width, sent!.image.height]).toEqual([1024, 1024]);
    await expect(crop).toHaveCount(0);

    // Painting an edit is where DALL·E 2 needs the square: back in Paint, it asks.
    await page.getByRole('radio', { name: 'Paint' }).click();
    await expect(crop).toBeVisible();
  });
});
