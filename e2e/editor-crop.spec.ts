/**
 * Preparing images for DALL·E 2 (square PNG under 4 MB): cancelling the crop-or-pad step
 * loses nothing, padding carries the painted mask to the same place in the picture, and an
 * image too heavy for the limit is scaled down until it fits.
 */
import type { Locator } from '@playwright/test';
import sharp from 'sharp';
import { expect, pickOption, test } from './generate-helpers.ts';
import {
  confirmReplace,
  drag,
  landscapeJpeg,
  openEditor,
  paintAndApplyEdit,
  pickImage,
  pickLandscape,
  previewMask,
} from './editor-helpers.ts';

/** The red of the crop step's picture a tenth of the way in from its left and right edges. */
async function leftAndRightRed(dialog: Locator) {
  const reds = await dialog.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d')!;
    const y = Math.round(canvas.height / 2);
    const red = (x: number) => ctx.getImageData(Math.round(x), y, 1, 1).data[0]!;
    return [red(canvas.width * 0.1), red(canvas.width * 0.9)];
  });
  // landscapeJpeg's red: 40 at its left edge to 220 at its right (an empty canvas reads 0).
  return reds.map((r) => (r >= 40 && r < 90 ? 'dark' : r > 170 ? 'bright' : `red ${r}`));
}

/**
 * How far the crop step's colour is from the picture's own (landscapeJpeg's formula) at a
 * point of the 1600×1000 picture: a JPEG's error is a few levels, a mask drawn over it many more.
 */
function offPicture(crop: Locator, x: number, y: number) {
  return crop.locator('canvas').evaluate(
    (canvas: HTMLCanvasElement, p) => {
      const k = canvas.width / 1600;
      const [r, g, b] = canvas
        .getContext('2d')!
        .getImageData(Math.round(p.x * k), Math.round(p.y * k), 1, 1).data;
      const expected = [
        40 + (180 * p.x) / 1600,
        60 + (150 * p.y) / 1000,
        120 + 100 * Math.sin(p.x / 80) * Math.cos(p.y / 60),
      ];
      return Math.max(...[r!, g!, b!].map((v, i) => Math.abs(v - expected[i]!)));
    },
    { x, y },
  );
}

// Asking for the engine makes it this worker's provider before the page loads.
test.beforeEach(async ({ page, engine }) => {
  expect(engine.url).toMatch(/^http:/);
  await openEditor(page);
});

test('cancelling the crop step keeps the image and mask that were open; DALL·E 2 waits for a square', async ({
  page,
}) => {
  await pickLandscape(page);
  await drag(page, [
    { x: 300, y: 300 },
    { x: 700, y: 300 },
  ]);
  const painted = await previewMask(page);

  // A second, non-square image for DALL·E 2: cancel its crop step → the first one is back.
  await pickOption(page, 'Model', /^DALL·E 2/);
  await page
    .getByRole('dialog', { name: 'Make it square for DALL·E 2' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
  // The keyboard goes on from the field that opened the step, not from the top of the page.
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toBeFocused();
  await expect(page.getByText('DALL·E 2 needs a square image: use “Make square…”.')).toBeVisible();
  await pickImage(page, {
    name: 'other.jpg',
    mimeType: 'image/jpeg',
    buffer: await landscapeJpeg(900, 600),
  });
  // A mask is painted, so the editor asks first; cancelling the crop step still goes back.
  await confirmReplace(page);
  const crop = page.getByRole('dialog', { name: 'Make it square for DALL·E 2' });
  await expect(crop).toContainText('This one is 900×600');
  // The step shows the picture itself: its red runs from dark on the left to bright on the right.
  await expect.poll(() => leftAndRightRed(crop)).toEqual(['dark', 'bright']);
  await crop.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
  expect(Buffer.compare((await previewMask(page)).data, painted.data)).toBe(0);

  // Padding instead: the whole picture on a transparent square, the painting moved with it.
  await page.getByRole('button', { name: 'Make square…' }).click();
  await page.getByRole('button', { name: 'Pad with transparency' }).click();
  await expect(page.getByText('landscape.jpg · 1024×1024')).toBeVisible();
  const padded = await previewMask(page);
  // 1600 → 1024: scale 0.64, and 300 px of padding above (192 px after scaling).
  expect(padded.data[((192 + 300 * 0.64) * 1024 + 500 * 0.64) * 4 + 3]).toBe(0);
  expect(padded.data[(100 * 1024 + 500) * 4 + 3]).toBe(255);
});

test('on a phone, DALL·E 2 chosen in the settings sheet asks for the square in front of the sheet', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await pickLandscape(page);
  await page.getByRole('button', { name: /^Prompt/ }).click();
  await pickOption(page, 'Model', /^DALL·E 2/);
  const choice = page
    .getByRole('dialog', { name: 'Make it square for DALL·E 2' })
    .getByRole('button', { name: 'Crop to square' });
  await expect(choice).toBeVisible();
  // What is drawn on top at the button (the open dialog makes the rest of the page let
  // pointers through, so a tap reached a button the sheet hid, and a test's click did too).
  const drawnOnTop = await choice.evaluate((button) => {
    const { body } = document;
    const was = body.style.pointerEvents;
    body.style.pointerEvents = 'auto';
    const box = button.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    body.style.pointerEvents = was;
    return button.contains(top);
  });
  expect(drawnOnTop).toBe(true);
  await choice.click();
  // Back in the sheet, with the square made: nothing left to fix before Apply edit but a prompt.
  await expect(page.getByText('landscape.jpg · 1000×1000')).toHaveCount(1);
  await expect(page.getByText('Finish making the image square first.')).toHaveCount(0);
  await expect(page.getByText('Write a prompt first.')).toBeVisible();
});

test('the crop step shows the painted mask, so a crop that would cut it off can be seen', async ({
  page,
}) => {
  await pickLandscape(page);
  // Painted near the right edge: the centred square (300 to 1300) leaves it out.
  await page.getByRole('radio', { name: 'Rectangle' }).click();
  await drag(page, [
    { x: 1400, y: 400 },
    { x: 1560, y: 600 },
  ]);
  await pickOption(page, 'Model', /^DALL·E 2/);
  const crop = page.getByRole('dialog', { name: 'Make it square for DALL·E 2' });
  await expect(crop).toContainText('This one is 1600×1000');

  await expect.poll(() => offPicture(crop, 800, 200)).toBeLessThan(20);
  await expect.poll(() => offPicture(crop, 1480, 500)).toBeGreaterThan(40);
});

test('Change crop shows the mask painted on the square, where it lies in the whole picture', async ({
  page,
}) => {
  await pickLandscape(page);
  await pickOption(page, 'Model', /^DALL·E 2/);
  const crop = page.getByRole('dialog', { name: 'Make it square for DALL·E 2' });
  await crop.getByRole('button', { name: 'Crop to square' }).click();
  await expect(page.getByText('landscape.jpg · 1000×1000')).toBeVisible();
  // On the centred square (300 to 1300 of the 1600 px picture): 400 to 600 of the picture.
  await page.getByRole('radio', { name: 'Rectangle' }).click();
  await drag(page, [
    { x: 100, y: 100 },
    { x: 300, y: 300 },
  ]);
  await page.getByRole('button', { name: 'Change crop' }).click();
  await expect(crop).toContainText('This one is 1600×1000');
  await expect.poll(() => offPicture(crop, 500, 200)).toBeGreaterThan(40);
  await expect.poll(() => offPicture(crop, 1000, 500)).toBeLessThan(20);
});

test('DALL·E 2: an image whose PNG would be 4 MB or more is scaled down until it fits, and the designer is told', async ({
  page,
  engine,
  request,
}) => {
  // 1024x1024 of seeded noise with varying alpha: about 4.2 MB as PNG, over DALL·E 2's limit.
  const raw = Buffer.alloc(1024 * 1024 * 4);
  let seed = 0x2f6b1e3d;
  for (let i = 0; i < raw.length; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    raw[i] = seed & 0xff;
  }
  const noisy = await sharp(raw, { raw: { width: 1024, height: 1024, channels: 4 } })
    .png()
    .toBuffer();
  expect(noisy.length).toBeGreaterThan(4 * 1024 * 1024);

  await pickOption(page, 'Model', /^DALL·E 2/);
  await pickImage(page, { name: 'noise.png', mimeType: 'image/png', buffer: noisy });
  const note = page.getByText(/^Scaled down to (\d+)×\1 so the upload stays under 4\.0 MB\.$/);
  await expect(note).toBeVisible({ timeout: 30_000 });
  const side = Number(/to (\d+)×/.exec((await note.textContent())!)![1]);
  expect(side).toBeLessThan(1024);
  await expect(page.getByText(`noise.png · ${side}×${side}`)).toBeVisible();
  await paintAndApplyEdit(page, 'static on an old television', [
    { x: side * 0.2, y: side * 0.5 },
    { x: side * 0.8, y: side * 0.5 },
  ]);
  await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 30_000 });

  const log = (await (await request.get(`${engine.url}/__engine/requests`)).json()) as {
    operation: string;
    files: {
      field: string;
      bytes: number;
      format: string;
      width: number;
      height: number;
      channels: number;
    }[];
  }[];
  const files = log.filter((r) => r.operation === 'edit').at(-1)!.files;
  const image = files.find((f) => f.field === 'image')!;
  const mask = files.find((f) => f.field === 'mask')!;
  expect([image.format, image.width, image.height, image.channels]).toEqual(['png', side, side, 4]);
  expect(image.bytes).toBeLessThan(4 * 1024 * 1024);
  expect([mask.width, mask.height]).toEqual([side, side]);
});
