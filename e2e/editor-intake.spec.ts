/**
 * Ways in and ways around: paste and drop, an image's own transparency as the mask, extra
 * reference images for GPT image models (checked at the engine), and the view controls.
 */
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, test } from './generate-helpers.ts';
import {
  alphaAt,
  applyEdit,
  drag,
  landscapeJpeg,
  openEditor,
  pickImage,
  pickLandscape,
  previewMask,
  stage,
  stageView,
  toScreen,
} from './editor-helpers.ts';

// Asking for the engine makes it this worker's provider before the page loads.
test.beforeEach(async ({ page, engine }) => {
  expect(engine.url).toMatch(/^http:/);
  await openEditor(page);
});

/** Hands the page a file as the browser would on paste or drop (a real DataTransfer). */
async function sendFileEvent(page: Page, kind: 'paste' | 'drop', name: string, bytes: Buffer) {
  await page.evaluate(
    async ({ kind, name, b64 }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: 'image/png' }));
      if (kind === 'paste') {
        document.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true }),
        );
      } else {
        const target = document.querySelector('section.editor')!;
        for (const type of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(
            new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
          );
        }
      }
    },
    { kind, name, b64: bytes.toString('base64') },
  );
}

test('an image pasted from the clipboard or dropped on the editor opens', async ({ page }) => {
  const red = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c33' } })
    .png()
    .toBuffer();
  await expect(page.getByRole('button', { name: 'Choose image…' })).toBeVisible();
  await sendFileEvent(page, 'paste', 'image.png', red);
  await expect(page.getByText('Pasted image · 300×200')).toBeVisible();
  await sendFileEvent(page, 'drop', 'dropped.png', await landscapeJpeg(640, 400));
  await expect(page.getByText('dropped.png · 640×400')).toBeVisible();
});

test('an image chosen from the keyboard hands the focus to its canvas, not to the page', async ({
  page,
}) => {
  // "Choose image…" leaves the DOM as the image opens; the focus must not fall to the page,
  // from where the next Tab starts again at the top of the studio.
  await page.getByRole('button', { name: 'Choose image…' }).focus();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.keyboard.press('Enter'),
  ]);
  await chooser.setFiles({
    name: 'landscape.jpg',
    mimeType: 'image/jpeg',
    buffer: await landscapeJpeg(),
  });
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
  await expect(stage(page)).toBeFocused();
  await page.keyboard.press('r');
  await expect(page.getByRole('radio', { name: 'Rectangle' })).toBeChecked();
});

test('"Use image transparency" makes the transparent part of a PNG the mask', async ({ page }) => {
  // Left half opaque, right half fully transparent.
  const raw = Buffer.alloc(400 * 200 * 4);
  for (let y = 0; y < 200; y++) {
    for (let x = 0; x < 200; x++) raw.set([40, 120, 200, 255], (y * 400 + x) * 4);
  }
  const png = await sharp(raw, { raw: { width: 400, height: 200, channels: 4 } })
    .png()
    .toBuffer();
  await pickImage(page, { name: 'cutout.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByText('cutout.png · 400×200')).toBeVisible();
  await page.getByRole('button', { name: 'Use image transparency' }).click();
  const mask = await previewMask(page);
  expect(alphaAt(mask, 100, 100)).toBe(255);
  expect(alphaAt(mask, 300, 100)).toBe(0);
  // It is one undo step like any other.
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(alphaAt(await previewMask(page), 300, 100)).toBe(255);
});

test('reference images go with a GPT image edit as image[]; a GIF is sent as PNG', async ({
  page,
  engine,
  request,
}) => {
  await pickLandscape(page);
  await drag(page, [
    { x: 400, y: 400 },
    { x: 800, y: 400 },
  ]);
  const gif = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a3' } })
    .gif()
    .toBuffer();
  const jpeg = await landscapeJpeg(320, 200);
  await expect(page.getByText('0 of 15')).toBeVisible();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByText('Add reference images…').click(),
  ]);
  await chooser.setFiles([
    { name: 'swatch.gif', mimeType: 'image/gif', buffer: gif },
    { name: 'style.jpg', mimeType: 'image/jpeg', buffer: jpeg },
  ]);
  await expect(page.getByText('2 of 15')).toBeVisible();
  await applyEdit(page, 'a path through the meadow, in this style');
  await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 30_000 });

  const [sent] = (await engine.requests()).filter((r) => r.operation === 'edit');
  const log = (await (await request.get(`${engine.url}/__engine/requests`)).json()) as {
    id: string;
    files: { field: string; contentType: string; width: number; height: number }[];
  }[];
  const files = log.find((r) => r.id === sent!.id)!.files;
  expect(files.map((f) => [f.field, f.contentType, f.width, f.height])).toEqual([
    ['image[]', 'image/png', 1600, 1000],
    ['image[]', 'image/png', 64, 48],
    ['image[]', 'image/jpeg', 320, 200],
    ['mask', 'image/png', 1600, 1000],
  ]);
});

test('a reference image of 50 MB or more is refused, and the others are kept', async ({
  page,
}, testInfo) => {
  await pickLandscape(page);
  await expect(page.getByText('0 of 15')).toBeVisible();
  // A real JPEG carrying 51 MB of trailing data, as a camera's maker notes can: decoders
  // read it fine, but the API refuses any image of 50 MB or more.
  const small = await landscapeJpeg(320, 200);
  const huge = testInfo.outputPath('huge.jpg'); // Playwright takes big files only by path
  await writeFile(huge, Buffer.concat([small, Buffer.alloc(51 * 1024 * 1024, 0x20)]));
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByText('Add reference images…').click(),
  ]);
  await chooser.setFiles([{ name: 'style.jpg', mimeType: 'image/jpeg', buffer: small }]);
  await expect(page.getByText('1 of 15')).toBeVisible();
  const [again] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByText('Add reference images…').click(),
  ]);
  await again.setFiles(huge);
  await expect(page.getByText('1 of 15')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(
    /“huge\.jpg” is 51 MB; .+ takes images under 50 MB each\./,
  );
  // Removed from the keyboard, the last reference hands the focus to Add reference images….
  await page.getByRole('button', { name: 'Remove reference style.jpg' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('0 of 15')).toBeVisible();
  await expect(page.getByLabel('Add reference images…')).toBeFocused();
});

test('wheel zooms about the cursor, Space+drag and the middle button pan, Fit brings it back; [ ] and Ctrl+wheel size the brush', async ({
  page,
}) => {
  await pickLandscape(page);
  const fitted = await stageView(page);

  // Zoom in about an image point: that point stays under the cursor.
  const point = { x: 1200, y: 300 };
  const cursor = toScreen(fitted, point);
  await page.mouse.move(cursor.x, cursor.y);
  await page.mouse.wheel(0, -100);
  await expect.poll(async () => (await stageView(page)).scale).toBeGreaterThan(fitted.scale);
  const zoomed = await stageView(page);
  const still = toScreen(zoomed, point);
  expect(Math.abs(still.x - cursor.x)).toBeLessThan(1);
  expect(Math.abs(still.y - cursor.y)).toBeLessThan(1);

  // Space + drag pans by exactly the drag, and paints nothing.
  await page.keyboard.down('Space');
  await page.mouse.down();
  await page.mouse.move(cursor.x - 120, cursor.y + 40, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Space');
  await expect.poll(async () => (await stageView(page)).x).toBeCloseTo(zoomed.x - 120, 0);
  // The middle button pans too.
  const panned = await stageView(page);
  await page.mouse.move(cursor.x, cursor.y);
  await page.mouse.down({ button: 'middle' });
  await page.mouse.move(cursor.x + 50, cursor.y - 30, { steps: 4 });
  await page.mouse.up({ button: 'middle' });
  await expect.poll(async () => (await stageView(page)).y).toBeCloseTo(panned.y - 30, 0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await expect.poll(async () => (await stageView(page)).scale).toBeCloseTo(fitted.scale, 5);

  const size = page.getByRole('slider', { name: 'Brush size' });
  await expect(size).toHaveAttribute('aria-valuenow', '40');
  await page.keyboard.press(']');
  await expect(size).toHaveAttribute('aria-valuenow', '46');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await expect(size).toHaveAttribute('aria-valuenow', '35');
  await page.mouse.move(cursor.x, cursor.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect(size).toHaveAttribute('aria-valuenow', '40');
  await expect.poll(async () => (await stageView(page)).scale).toBeCloseTo(fitted.scale, 5);
  await page.keyboard.press('e');
  await expect(page.getByRole('radio', { name: 'Eraser' })).toHaveAttribute('aria-checked', 'true');
});

test('an opened image is drawn fitted from its first frame, not at a stale zoom first', async ({
  page,
}) => {
  // What each frame is about to draw: the stage's zoom and offset, sampled at every animation
  // frame from before the pick until the image has been shown for a while.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { stageFrames: string[] }).stageFrames = seen;
    const sample = () => {
      const shown = document.querySelector<HTMLElement>('[aria-label="Mask canvas"]');
      if (shown) {
        const { scale, offsetX, offsetY } = shown.dataset;
        seen.push(`${scale} ${offsetX} ${offsetY}`);
      }
      if (seen.length < 40) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await pickLandscape(page);
  const view = await stageView(page);
  const frames = () =>
    page.evaluate(() => (window as unknown as { stageFrames: string[] }).stageFrames);
  await expect.poll(async () => (await frames()).length).toBeGreaterThanOrEqual(40);
  expect(view.scale).toBeLessThan(1);
  expect(new Set(await frames())).toEqual(new Set([`${view.scale} ${view.x} ${view.y}`]));
});
