/**
 * Fingers and pens, as a tablet sends them: real touch and pen input from Chromium's input
 * pipeline (CDP Input.dispatchTouchEvent / dispatchMouseEvent with pointerType 'pen'), so
 * the page sees the pointer events a device would produce, not synthetic DOM events.
 */
import { expect, test, type CDPSession } from '@playwright/test';
import {
  alphaAt,
  checkMask,
  distanceToSegment,
  previewMask,
  stageView,
  toScreen,
  type StageView,
  openLandscape,
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
