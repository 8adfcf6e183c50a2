/**
 * The whole edit round trip against a real engine (one per worker, from generate-helpers):
 * the studio's upload and mask are decoded at the engine with sharp, and the returned edit
 * is checked pixel by pixel outside the painted area.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, pickOption, promptBox, test } from './generate-helpers.ts';
import {
  applyEdit,
  checkMask,
  decode,
  type DecodedImage,
  drag,
  landscapeJpeg,
  openEditor,
  paintedArea,
  paintedPixels,
  paintZoomedOutAndIn,
  pickImage,
  pickLandscape,
  previewMask,
  shownBytes,
  stage,
  type ZoomedPainting,
} from './editor-helpers.ts';

interface LoggedFile {
  field: string;
  contentType: string;
  bytes: number;
}
interface LoggedRequest {
  id: string;
  operation: string;
  status: number | null;
  fields: Record<string, unknown>;
  files: LoggedFile[];
}

async function sentEdit(request: APIRequestContext, url: string, prompt: string) {
  const all = (await (await request.get(`${url}/__engine/requests`)).json()) as LoggedRequest[];
  const edit = all.filter((r) => r.operation === 'edit' && r.fields.prompt === prompt).at(-1);
  if (!edit) throw new Error(`No edit with prompt “${prompt}” reached the engine`);
  const file = async (field: string) => {
    const index = edit.files.findIndex((f) => f.field === field);
    expect(index, `file field ${field}`).toBeGreaterThanOrEqual(0);
    const res = await request.get(`${url}/__engine/requests/${edit.id}/files/${index}`);
    return decode(Buffer.from(await res.body()));
  };
  return { edit, image: await file('image'), mask: await file('mask') };
}

/** The result the compare view shows ("After"), decoded. */
async function shownResult(page: Page): Promise<DecodedImage> {
  const img = page.getByRole('img', { name: /^After/ });
  await expect(img).toBeVisible({ timeout: 30_000 });
  return decode(await shownBytes(img));
}

/** Pixels outside the mask (alpha 255) that differ between two same-sized images. */
function changedOutsideMask(a: DecodedImage, b: DecodedImage, mask: DecodedImage) {
  let changed = 0;
  let inside = 0;
  let changedInside = 0;
  for (let i = 0; i < mask.data.length; i += 4) {
    const same = a.data.readUInt32LE(i) === b.data.readUInt32LE(i);
    if (mask.data[i + 3] === 255) changed += same ? 0 : 1;
    else {
      inside++;
      changedInside += same ? 0 : 1;
    }
  }
  return { changed, inside, changedInside };
}

// Asking for the engine makes it this worker's provider before the page loads.
test.beforeEach(async ({ page, engine }) => {
  expect(engine.url).toMatch(/^http:/);
  await openEditor(page);
});

test('DALL·E 2: a non-square JPEG is cropped, painted zoomed out and in, and sent as a square RGBA PNG with an exact mask @dpr2', async ({
  page,
  engine,
  request,
}, testInfo) => {
  const prompt = `a red balloon (${testInfo.project.name})`;
  await pickOption(page, 'Model', /^DALL·E 2/);
  const jpeg = await landscapeJpeg(2400, 1500);
  await pickImage(page, { name: 'hills.jpg', mimeType: 'image/jpeg', buffer: jpeg });

  const crop = page.getByRole('dialog', { name: 'Make it square for DALL·E 2' });
  await expect(crop).toContainText('This one is 2400×1500');
  await crop.getByRole('button', { name: 'Crop to square' }).click();
  await expect(page.getByText('hills.jpg · 1024×1024')).toBeVisible();
  await expect(
    page.getByText(/Cropped to a 1500×1500 square and scaled to 1024×1024/),
  ).toBeVisible();

  // Zoomed out: a stroke. Zoomed in: a rectangle.
  const painting: ZoomedPainting = {
    stroke: [
      { x: 150, y: 300 },
      { x: 300, y: 300 },
      { x: 450, y: 300 },
    ],
    zoomAbout: { x: 700, y: 700 },
    rect: [
      { x: 600, y: 600 },
      { x: 800, y: 800 },
    ],
  };
  const { zoomed } = await paintZoomedOutAndIn(page, painting);

  await applyEdit(page, prompt);
  const result = await shownResult(page);

  const { edit, image, mask } = await sentEdit(request, engine.url, prompt);
  expect(edit.status).toBe(200);
  expect(edit.fields).toMatchObject({ model: 'dall-e-2', prompt, size: '1024x1024' });
  // The image: a square RGBA PNG under 4 MB, showing the centred crop of the photo.
  expect([image.format, image.width, image.height, image.channels]).toEqual(['png', 1024, 1024, 4]);
  expect(image.bytes).toBeLessThan(4 * 1024 * 1024);
  const expected = await sharp(jpeg)
    .extract({ left: 450, top: 0, width: 1500, height: 1500 })
    .resize(1024, 1024)
    .ensureAlpha()
    .raw()
    .toBuffer();
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff += Math.abs(expected[i]! - image.data[i]!);
  expect(diff / expected.length).toBeLessThan(4); // resampling differs a little, framing does not
  // The mask: the image's exact size, alpha 0 exactly where painted, 255 elsewhere.
  expect([mask.format, mask.width, mask.height, mask.channels]).toEqual(['png', 1024, 1024, 4]);
  expect(checkMask(mask, paintedArea(painting, zoomed))).toEqual({
    wronglyKept: 0,
    wronglyPainted: 0,
    partialAlpha: 0,
  });
  // The returned edit changed the painted area and left every other pixel as it was.
  expect([result.width, result.height]).toEqual([1024, 1024]);
  const outside = changedOutsideMask(result, image, mask);
  expect(outside.changed).toBe(0);
  expect(outside.changedInside).toBeGreaterThan(outside.inside / 2);
});

test('GPT image: unpainted pixels are kept, the edit records its parent and mask, and a result goes back in with the mask', async ({
  page,
  engine,
  request,
}) => {
  // Two full-size edits, each composed back in the compose worker: slow on a loaded machine.
  test.setTimeout(120_000);
  const prompt = 'a lighthouse on the hill';
  await pickLandscape(page);
  await page.getByRole('radio', { name: 'Lasso' }).click();
  await drag(page, [
    { x: 900, y: 200 },
    { x: 1300, y: 250 },
    { x: 1200, y: 700 },
    { x: 950, y: 650 },
  ]);
  await expect(page.getByRole('switch', { name: 'Keep unpainted pixels' })).toBeChecked();
  const painting = await previewMask(page);
  // A wide image starts at a size of its own shape (auto): no squashing note to act on.
  await expect(page.getByRole('button', { name: 'Use size auto' })).toHaveCount(0);
  await applyEdit(page, prompt);
  const composed = await shownResult(page);

  const { edit, image, mask } = await sentEdit(request, engine.url, prompt);
  // The studio's default edit model, GPT Image 2.5 Flare, takes no input_fidelity.
  expect(edit.fields).toMatchObject({ model: 'gpt-image-2.5-flare', size: 'auto' });
  expect(edit.fields).not.toHaveProperty('input_fidelity');
  expect([image.width, image.height, mask.width, mask.height]).toEqual([1600, 1000, 1600, 1000]);
  expect([composed.width, composed.height]).toEqual([1600, 1000]);
  // The mask sent is the painting grown a little (the blend's rim): it holds every painted
  // pixel and more. Outside it the drifting engine's redraw is replaced by the original.
  expect(paintedPixels(mask)).toBeGreaterThan(paintedPixels(painting));
  const kept = changedOutsideMask(composed, image, mask);
  expect(kept.changed).toBe(0);
  expect(kept.changedInside).toBeGreaterThan(0);
  await page.getByRole('radio', { name: 'Raw' }).click();
  await expect(page.getByRole('img', { name: 'After: result 1' })).toBeVisible();

  // The gallery holds the photo (stored once as an upload) and the edit with its mask, made
  // from it; sending the result back keeps the painting.
  const all = await stored(page);
  expect(all.map((e) => e.kind)).toEqual(['upload', 'edit']);
  const before = all.filter((e) => e.kind === 'edit');
  expect(before[0]).toMatchObject({ hasMask: true, width: 1600, height: 1000 });
  expect(before[0]?.parentId).toBe(all[0]!.id);
  // From the keyboard: the button leaves with Compare, and the canvas takes the focus.
  await page.getByRole('button', { name: 'Edit this result' }).focus();
  await page.keyboard.press('Enter');
  await expect(stage(page)).toBeFocused();
  await expect(page.getByText(/^Edit 1 of “a lighthouse on the hill” · 1600×1000$/)).toBeVisible();
  const carried = await previewMask(page);
  expect(Buffer.compare(carried.data, painting.data)).toBe(0);

  await applyEdit(page, 'the same lighthouse at night');
  await expect(
    page.getByRole('button', { name: /^Result 1: the same lighthouse at night/ }),
  ).toBeVisible({
    timeout: 30_000,
  });
  const after = await stored(page);
  const second = after.find((e) => e.prompt === 'the same lighthouse at night');
  expect(second?.parentId).toBe(before[0]!.id);
});

test('a refused edit keeps the prompt and the painted mask, and the next try goes through', async ({
  page,
  engine,
}) => {
  await pickLandscape(page);
  await drag(page, [
    { x: 300, y: 300 },
    { x: 700, y: 400 },
  ]);
  const painted = await previewMask(page);
  await engine.queueFaults([{ type: 'safety' }]);
  await applyEdit(page, 'a tiger in the grass');
  await expect(page.getByRole('alert').filter({ hasText: /safety system refused/ })).toBeVisible({
    timeout: 20_000,
  });
  await expect(promptBox(page)).toHaveValue('a tiger in the grass');
  expect(Buffer.compare((await previewMask(page)).data, painted.data)).toBe(0);

  await applyEdit(page, 'a cat in the grass');
  await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 30_000 });
});

/** The gallery's stored entries (read from IndexedDB as they are, newest last). */
async function stored(page: Page) {
  return page.evaluate(async () =>
    // Opening a database that does not exist yet would create an empty one under the
    // studio's name (no stores, no marker), so only look once the studio has made it.
    !(await indexedDB.databases()).some((d) => d.name === 'easel-gallery')
      ? []
      : new Promise<
          {
            id: string;
            kind: string;
            prompt: string;
            parentId?: string;
            hasMask: boolean;
            width: number;
            height: number;
          }[]
        >((resolve, reject) => {
          const open = indexedDB.open('easel-gallery');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction('entries').objectStore('entries').getAll();
            all.onsuccess = () => {
              db.close();
              resolve(
                (
                  all.result as {
                    id: string;
                    kind: string;
                    prompt: string;
                    parentId?: string;
                    maskId?: string;
                    width: number;
                    height: number;
                    createdAt: number;
                  }[]
                )
                  .sort((x, y) => x.createdAt - y.createdAt)
                  .map((e) => ({
                    id: e.id,
                    kind: e.kind,
                    prompt: e.prompt,
                    parentId: e.parentId,
                    hasMask: Boolean(e.maskId),
                    width: e.width,
                    height: e.height,
                  })),
              );
            };
          };
        }),
  );
}

test('DALL·E 2: Apply edit waits for a painted area and says so, as Generate lists what to fix', async ({
  page,
  engine,
}) => {
  await pickOption(page, 'Model', /^DALL·E 2/);
  const square = await landscapeJpeg(512, 512);
  await pickImage(page, { name: 'square.jpg', mimeType: 'image/jpeg', buffer: square });
  await expect(page.getByText('square.jpg · 512×512')).toBeVisible();
  await promptBox(page).fill('a kite in the sky');
  const apply = page.getByRole('button', { name: 'Apply edit' });
  await expect(apply).toBeDisabled();
  const reason = page.getByText(
    'Paint the area to change first: DALL·E 2 changes only where the mask is transparent.',
  );
  await expect(reason).toBeVisible();

  await drag(page, [
    { x: 300, y: 300 },
    { x: 500, y: 300 },
  ]);
  await expect(apply).toBeEnabled();
  await expect(reason).toHaveCount(0);
  // Undoing the only stroke brings the reason back; nothing was sent meanwhile.
  await page.keyboard.press('Control+z');
  await expect(apply).toBeDisabled();
  await expect(reason).toBeVisible();
  expect((await engine.requests()).filter((r) => r.operation === 'edit')).toHaveLength(0);
});
