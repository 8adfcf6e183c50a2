/**
 * Fingers and pens, as a tablet sends them: real touch and pen input from Chromium's input
 * pipeline (CDP Input.dispatchTouchEvent / dispatchMouseEvent with pointerType 'pen'), so
 * the page sees the pointer events a device would produce, not synthetic DOM events.
 */
import { expect, test, type CDPSession } from '@playwright/test';
import sharp from 'sharp';
import {
  alphaAt,
  checkMask,
  distanceToSegment,
  previewMask,
  stageView,
  toScreen,
  type StageView,
  openEditor,
  openLandscape,
  pickImage,
} from './editor-helpers.ts';

test.use({ hasTouch: true });

type Point = { x: number; y: number };

/** Screen points every ~10 px along the segments between image points. */
function path(view: StageView, points: Point[]): Point[] {
  const screen = points.map((p) => toScreen(view, p));
  const out: Point[] = [screen[0]!];
  for (let i = 1; i < screen.length; i++) {
    const [a, b] = [screen[i - 1]!, screen[i]!];
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 10));
    for (let s = 1; s <= steps; s++) {
      out.push({ x: a.x + ((b.x - a.x) * s) / steps, y: a.y + ((b.y - a.y) * s) / steps });
    }
  }
  return out;
}

async function fingerStroke(cdp: CDPSession, points: Point[]) {
  const [first, ...rest] = points;
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ ...first!, id: 1 }],
  });
  for (const p of rest) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ ...p, id: 1 }],
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function penStroke(cdp: CDPSession, points: Point[]) {
  const pen = { pointerType: 'pen' as const, button: 'left' as const };
  const [first, ...rest] = points;
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...first!, pointerType: 'pen' });
  await cdp.send('Input.dispatchMouseEvent', {
    type: 'mousePressed',
    ...first!,
    ...pen,
    buttons: 1,
    clickCount: 1,
  });
  for (const p of rest) {
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...p, ...pen, buttons: 1 });
  }
  const last = rest.at(-1) ?? first!;
  await cdp.send('Input.dispatchMouseEvent', {
    type: 'mouseReleased',
    ...last,
    ...pen,
    buttons: 0,
    clickCount: 1,
  });
}

/** Every pixel within the brush radius of a segment is painted, every one beyond it kept. */
function expectStrokes(mask: Awaited<ReturnType<typeof previewMask>>, strokes: [Point, Point][]) {
  const radius = 20; // the default brush size is 40 image pixels
  const rim = 1.5;
  const result = checkMask(mask, (x, y) => {
    const d = Math.min(...strokes.map(([a, b]) => distanceToSegment({ x, y }, a, b)));
    return d < radius - rim ? 'in' : d < radius + rim ? 'edge' : 'out';
  });
  expect(result).toEqual({ wronglyKept: 0, wronglyPainted: 0, partialAlpha: 0 });
}

test('a finger and a pen paint strokes at their image pixels @dpr2', async ({ page }) => {
  await openLandscape(page);
  const cdp = await page.context().newCDPSession(page);
  const view = await stageView(page);

  const finger: [Point, Point] = [
    { x: 200, y: 250 },
    { x: 900, y: 250 },
  ];
  const pen: [Point, Point] = [
    { x: 300, y: 700 },
    { x: 1300, y: 600 },
  ];
  await fingerStroke(cdp, path(view, finger));
  await penStroke(cdp, path(view, pen));

  expectStrokes(await previewMask(page), [finger, pen]);
});

test('two fingers pinch to zoom and pan instead of painting', async ({ page }) => {
  await openLandscape(page);
  const cdp = await page.context().newCDPSession(page);
  const before = await stageView(page);
  const centre = toScreen(before, { x: 800, y: 500 });

  // The first finger lands and moves a little (a stroke begins), then the second lands and
  // both spread apart: the stroke is abandoned and the view zooms about the fingers.
  const one = (dx: number) => ({ x: centre.x - dx, y: centre.y, id: 1 });
  const two = (dx: number) => ({ x: centre.x + dx, y: centre.y, id: 2 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [one(40)] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [one(50)] });
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [one(50), two(50)],
  });
  for (let d = 60; d <= 200; d += 10) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [one(d), two(d)],
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });

  await expect.poll(async () => (await stageView(page)).scale).toBeGreaterThan(before.scale * 2);
  const after = await stageView(page);
  // The image point under the fingers' midpoint stays under it.
  const under = toScreen(after, { x: 800, y: 500 });
  expect(Math.abs(under.x - centre.x)).toBeLessThan(4);
  expect(Math.abs(under.y - centre.y)).toBeLessThan(4);

  await page.getByRole('button', { name: 'Mask preview' }).click();
  await expect(page.getByText('nothing painted: no mask will be sent')).toBeVisible();
  await page.keyboard.press('Escape');

  // After the pinch, one finger paints again, at the new zoom.
  const stroke: [Point, Point] = [
    { x: 700, y: 480 },
    { x: 900, y: 520 },
  ];
  await fingerStroke(cdp, path(after, stroke));
  const mask = await previewMask(page);
  expect(alphaAt(mask, 800, 500)).toBe(0);
  expectStrokes(mask, [stroke]);
});

test('on a phone, with no Shift or Alt key, the magic wand adds to the mask and takes from it by its Add and Take away modes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openEditor(page);
  // 640×480: the left half one blue, the right half one sand colour.
  const raw = Buffer.alloc(640 * 480 * 3);
  for (let i = 0; i < 640 * 480; i++)
    raw.set(i % 640 < 320 ? [40, 110, 200] : [230, 180, 60], i * 3);
  const png = await sharp(raw, { raw: { width: 640, height: 480, channels: 3 } })
    .png()
    .toBuffer();
  await pickImage(page, { name: 'halves.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByText('halves.png · 640×480')).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  const tap = async (p: Point) => fingerStroke(cdp, [toScreen(await stageView(page), p)]);
  const halves = async () => {
    const mask = await previewMask(page);
    return [alphaAt(mask, 100, 240), alphaAt(mask, 540, 240)];
  };

  await page.getByRole('radio', { name: 'Magic wand' }).click();
  await tap({ x: 100, y: 240 });
  await expect(page.getByRole('status').filter({ hasText: 'Magic wand selected' })).toHaveCount(1);
  expect(await halves()).toEqual([0, 255]);

  const mode = page.getByRole('radiogroup', { name: 'Magic wand mode' });
  await mode.getByRole('radio', { name: 'Add' }).click();
  await tap({ x: 540, y: 240 });
  await expect(page.getByRole('status').filter({ hasText: 'Magic wand added' })).toHaveCount(1);
  expect(await halves()).toEqual([0, 0]);

  await mode.getByRole('radio', { name: 'Take away' }).click();
  await tap({ x: 100, y: 240 });
  await expect(page.getByRole('status').filter({ hasText: 'Magic wand took away' })).toHaveCount(1);
  expect(await halves()).toEqual([255, 0]);
});

test('on a phone, with no Alt key, the rectangle and the lasso clear by their Clear mode', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLandscape(page);
  const cdp = await page.context().newCDPSession(page);
  const view = await stageView(page);
  await page.getByRole('radio', { name: 'Rectangle' }).click();
  await fingerStroke(
    cdp,
    path(view, [
      { x: 200, y: 200 },
      { x: 1400, y: 800 },
    ]),
  );
  let mask = await previewMask(page);
  expect([alphaAt(mask, 300, 300), alphaAt(mask, 800, 500)]).toEqual([0, 0]);

  const mode = page.getByRole('radiogroup', { name: 'Shape mode' });
  await mode.getByRole('radio', { name: 'Clear' }).click();
  await fingerStroke(
    cdp,
    path(view, [
      { x: 600, y: 400 },
      { x: 1000, y: 600 },
    ]),
  );
  mask = await previewMask(page);
  expect([alphaAt(mask, 300, 300), alphaAt(mask, 800, 500)]).toEqual([0, 255]);

  // The lasso takes the same mode: a loop around the top-left corner clears it.
  await page.getByRole('radio', { name: 'Lasso' }).click();
  await expect(mode.getByRole('radio', { name: 'Clear' })).toBeChecked();
  const loop = [
    { x: 250, y: 250 },
    { x: 450, y: 250 },
    { x: 450, y: 450 },
    { x: 250, y: 450 },
    { x: 250, y: 250 },
  ];
  await fingerStroke(cdp, path(view, loop));
  mask = await previewMask(page);
  expect([alphaAt(mask, 350, 350), alphaAt(mask, 1300, 700)]).toEqual([255, 0]);
});
