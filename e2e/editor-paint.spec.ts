import {
  alphaAt,
  checkMask,
  distanceToSegment,
  drag,
  openLandscape,
  paintedArea,
  paintRectangle,
  paintZoomedOutAndIn,
  pickImage,
  previewMask,
  toScreen,
  type ZoomedPainting,
} from './editor-helpers.ts';
import { expect, test } from './page-errors.ts';

test('a stroke and a rectangle painted zoomed out and zoomed in land at their image pixels in the exported mask @dpr2', async ({
  page,
}) => {
  await openLandscape(page);
  // Zoomed out (fit to screen): a brush stroke of 40 image pixels. Zoomed in about the
  // rectangle's corner, then a rectangle.
  const painting: ZoomedPainting = {
    stroke: [
      { x: 200, y: 300 },
      { x: 450, y: 300 },
      { x: 700, y: 300 },
    ],
    zoomAbout: { x: 1100, y: 700 },
    rect: [
      { x: 1000, y: 600 },
      { x: 1200, y: 800 },
    ],
  };
  const { fitted, zoomed } = await paintZoomedOutAndIn(page, painting);
  expect(fitted.scale).toBeLessThan(1);
  // The rectangle's corners were on screen when it was dragged.
  for (const corner of painting.rect) {
    const p = toScreen(zoomed, corner);
    expect(p.x).toBeGreaterThan(zoomed.box.x);
    expect(p.y).toBeLessThan(zoomed.box.y + zoomed.box.height);
  }

  const mask = await previewMask(page);
  expect([mask.width, mask.height, mask.channels, mask.format]).toEqual([1600, 1000, 4, 'png']);
  const result = checkMask(mask, paintedArea(painting, zoomed));
  expect(result).toEqual({ wronglyKept: 0, wronglyPainted: 0, partialAlpha: 0 });
});

test('a soft brush paints a soft edge, yet the mask sent is 0/255 cut at half coverage; hardness is remembered @dpr2', async ({
  page,
}) => {
  await openLandscape(page);
  const hardness = page.getByRole('slider', { name: 'Hardness' });
  await expect(hardness).toHaveAttribute('aria-valuenow', '100');
  await hardness.focus();
  await page.keyboard.press('Home');
  await expect(hardness).toHaveAttribute('aria-valuenow', '10');

  // Brush 40 px (radius 20) at hardness 10 %: full within 2 px, half coverage at 11 px.
  const a = { x: 200, y: 300 };
  const b = { x: 700, y: 300 };
  await drag(page, [a, { x: 450, y: 300 }, b]);

  const mask = await previewMask(page);
  const rim = 1.5;
  const result = checkMask(mask, (x, y) => {
    const d = distanceToSegment({ x, y }, a, b);
    if (d < 11 - rim) return 'in';
    if (d < 11 + rim) return 'edge';
    return 'out';
  });
  expect(result).toEqual({ wronglyKept: 0, wronglyPainted: 0, partialAlpha: 0 });
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page.getByRole('slider', { name: 'Hardness' })).toHaveAttribute(
    'aria-valuenow',
    '10',
  );
});

test('eraser, undo, redo, invert and clear change the mask as expected', async ({ page }) => {
  await openLandscape(page);
  await paintRectangle(page, { x: 100, y: 100 }, { x: 500, y: 500 });
  await page.getByRole('radio', { name: 'Eraser' }).click();
  await drag(page, [
    { x: 50, y: 300 },
    { x: 550, y: 300 },
  ]);

  let mask = await previewMask(page);
  expect(alphaAt(mask, 300, 200)).toBe(0); // painted
  expect(alphaAt(mask, 300, 300)).toBe(255); // erased band
  expect(alphaAt(mask, 800, 300)).toBe(255); // never painted

  await page.getByRole('button', { name: 'Undo' }).click();
  mask = await previewMask(page);
  expect(alphaAt(mask, 300, 300)).toBe(0);

  await page.keyboard.press('Control+Shift+Z');
  mask = await previewMask(page);
  expect(alphaAt(mask, 300, 300)).toBe(255);

  await page.getByRole('button', { name: 'Invert mask' }).click();
  mask = await previewMask(page);
  expect(alphaAt(mask, 300, 200)).toBe(255);
  expect(alphaAt(mask, 300, 300)).toBe(0);
  expect(alphaAt(mask, 800, 300)).toBe(0);

  await page.keyboard.press('Control+z');
  mask = await previewMask(page);
  expect(alphaAt(mask, 800, 300)).toBe(255);
  expect(alphaAt(mask, 300, 200)).toBe(0);

  await page.getByRole('button', { name: 'Clear mask' }).click();
  await page.getByRole('button', { name: 'Mask preview' }).click();
  await expect(page.getByText('nothing painted: no mask will be sent')).toBeVisible();
  await page.keyboard.press('Escape');
});

test('the mask’s keys act only where the mask is shown: Ctrl+Z, Delete and Ctrl+I in Extend canvas leave it alone', async ({
  page,
}) => {
  await openLandscape(page);
  await paintRectangle(page, { x: 100, y: 100 }, { x: 500, y: 500 });
  const painted = await previewMask(page);
  expect(alphaAt(painted, 300, 300)).toBe(0);

  // Laying out a canvas, the designer presses the keys of undo, clear and invert: the mask,
  // out of sight, must not change behind their back.
  await page.getByRole('radio', { name: 'Extend canvas' }).click();
  const left = page.getByRole('slider', { name: 'Left edge' });
  await left.focus();
  await page.keyboard.press('ArrowLeft');
  for (const key of ['Control+z', 'Delete', 'Control+i', 'e']) await page.keyboard.press(key);
  await page.getByRole('radio', { name: 'Paint' }).click();
  await expect(page.getByRole('radio', { name: 'Rectangle' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  expect(Buffer.compare((await previewMask(page)).data, painted.data)).toBe(0);
});

test('the painted mask and the image survive a reload', async ({ page }) => {
  await openLandscape(page);
  await drag(page, [
    { x: 300, y: 400 },
    { x: 900, y: 500 },
  ]);
  const before = await previewMask(page);
  // Saving is debounced; give it time to reach IndexedDB before reloading.
  await page.waitForTimeout(1500);
  await page.reload();
  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
  const after = await previewMask(page);
  expect([after.width, after.height]).toEqual([before.width, before.height]);
  expect(Buffer.compare(after.data, before.data)).toBe(0);
});

test('refuses SVG, PDF, empty and corrupt files with a message and keeps the open image', async ({
  page,
}) => {
  await openLandscape(page);
  await drag(page, [
    { x: 300, y: 300 },
    { x: 600, y: 300 },
  ]);
  const cases = [
    {
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
      message: /is an SVG drawing/,
    },
    {
      name: 'brief.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n%…'),
      message: /is a PDF/,
    },
    {
      name: 'empty.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(0),
      message: /is empty \(0 bytes\)/,
    },
    {
      name: 'broken.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(600, 7)]),
      message: /couldn't read “broken\.jpg” as an image/,
    },
  ];
  for (const c of cases) {
    await pickImage(page, c);
    await expect(page.getByRole('alert')).toContainText(c.message);
    await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
  }
  // Dismissed from the keyboard, the message hands the focus to the way on: another image.
  await page.getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open another image…' })).toBeFocused();
  const mask = await previewMask(page);
  expect(alphaAt(mask, 450, 300)).toBe(0);
});
