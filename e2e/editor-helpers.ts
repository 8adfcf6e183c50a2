/**
 * Helpers for the editor specs: open images through the real file picker, map image pixels
 * to screen points from the stage's published view (data-scale, data-offset-x/y), paint
 * with the mouse, and read back PNGs the page holds (decoded with sharp in the test).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import { promptBox } from './generate-helpers.ts';

export interface DecodedImage {
  width: number;
  height: number;
  channels: number;
  /** RGBA, row-major. */
  data: Buffer;
  format: string | undefined;
  bytes: number;
}

export async function decode(bytes: Buffer): Promise<DecodedImage> {
  const meta = await sharp(bytes).metadata();
  const { data, info } = await sharp(bytes)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    channels: meta.channels ?? 0,
    data,
    format: meta.format,
    bytes: bytes.length,
  };
}

export const alphaAt = (img: DecodedImage, x: number, y: number) =>
  img.data[(Math.floor(y) * img.width + Math.floor(x)) * 4 + 3]!;

/** How many pixels a mask sends to be edited (alpha 0, the API's convention). */
export function paintedPixels(mask: DecodedImage): number {
  let painted = 0;
  for (let i = 3; i < mask.data.length; i += 4) if (mask.data[i] === 0) painted++;
  return painted;
}

/** A photo-like non-square JPEG (smooth gradients and blobs), made with sharp. */
export async function landscapeJpeg(width = 1600, height = 1000): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = Math.round(40 + (180 * x) / width);
      raw[i + 1] = Math.round(60 + (150 * y) / height);
      raw[i + 2] = Math.round(120 + 100 * Math.sin(x / 80) * Math.cos(y / 60));
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function openEditor(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit', exact: true, level: 2 })).toBeVisible();
}

/** Opens the editor on a 1600×1000 landscape JPEG, with the default 40 px brush. */
export async function openLandscape(page: Page): Promise<void> {
  await openEditor(page);
  await pickLandscape(page);
  await expect(page.getByRole('slider', { name: 'Brush size' })).toHaveAttribute(
    'aria-valuenow',
    '40',
  );
}

/**
 * Picks the 1600×1000 landscape JPEG as the editor's first image (nothing painted, so nothing
 * to confirm) and waits until it is open on the stage.
 */
export async function pickLandscape(page: Page): Promise<void> {
  await pickImage(page, {
    name: 'landscape.jpg',
    mimeType: 'image/jpeg',
    buffer: await landscapeJpeg(),
  });
  await expect(stage(page)).toBeVisible();
  await expect(page.getByText('landscape.jpg · 1600×1000')).toBeVisible();
}

/** Picks a file with the editor's own "Choose image…" / "Open another image…" button. */
export async function pickImage(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const button = page.getByRole('button', { name: /^(Choose image…|Open another image…)$/ });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}

/**
 * Answers Replace to "Replace the image?", which the editor asks before a new image discards a
 * painted mask.
 */
export async function confirmReplace(page: Page): Promise<void> {
  await page
    .getByRole('alertdialog', { name: 'Replace the image?' })
    .getByRole('button', { name: 'Replace' })
    .click();
}

export function stage(page: Page): Locator {
  return page.getByRole('application', { name: 'Mask canvas' });
}

export interface StageView {
  scale: number;
  x: number;
  y: number;
  imageWidth: number;
  imageHeight: number;
  box: { x: number; y: number; width: number; height: number };
}

/**
 * The stage's current view, once it has settled: the same over two animation frames. Right
 * after an image opens the stage is still being laid out (the panel's notes appear, the
 * viewport is measured, the image is fitted), and a point computed from a view read then
 * would miss the image under load.
 */
export async function stageView(page: Page): Promise<StageView> {
  let previous = '';
  for (let i = 0; i < 50; i++) {
    const view = await readStageView(page);
    const current = JSON.stringify(view);
    if (current === previous && view.scale > 0) return view;
    previous = current;
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
  }
  throw new Error(`The stage did not settle: ${previous}`);
}

async function readStageView(page: Page): Promise<StageView> {
  const el = stage(page);
  const data = await el.evaluate((node) => ({ ...(node as HTMLElement).dataset }));
  const box = await el.boundingBox();
  if (!box) throw new Error('The stage is not on screen');
  return {
    scale: Number(data.scale),
    x: Number(data.offsetX),
    y: Number(data.offsetY),
    imageWidth: Number(data.imageWidth),
    imageHeight: Number(data.imageHeight),
    box,
  };
}

export function toScreen(view: StageView, p: { x: number; y: number }) {
  return { x: view.box.x + view.x + p.x * view.scale, y: view.box.y + view.y + p.y * view.scale };
}

/** Drags the mouse through image points with the current tool (several moves per segment). */
export async function drag(page: Page, points: { x: number; y: number }[]): Promise<void> {
  const view = await stageView(page);
  const [first, ...rest] = points.map((p) => toScreen(view, p));
  await page.mouse.move(first!.x, first!.y);
  await page.mouse.down();
  for (const p of rest) await page.mouse.move(p.x, p.y, { steps: 8 });
  await page.mouse.up();
}

/** Picks the Rectangle tool and drags one rectangle between two image points. */
export async function paintRectangle(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  await page.getByRole('radio', { name: 'Rectangle' }).click();
  await drag(page, [from, to]);
}

/** Types the edit prompt and presses Apply edit, as the designer sends an edit. */
export async function applyEdit(page: Page, prompt: string): Promise<void> {
  await promptBox(page).fill(prompt);
  await page.getByRole('button', { name: 'Apply edit' }).click();
}

/** Drags one stroke with the current tool (the brush), then applies an edit with `prompt`. */
export async function paintAndApplyEdit(
  page: Page,
  prompt: string,
  stroke: { x: number; y: number }[],
): Promise<void> {
  await drag(page, stroke);
  await applyEdit(page, prompt);
}

/** A brush stroke painted fitted to the screen, then a rectangle painted zoomed in. */
export interface ZoomedPainting {
  /** The stroke's points, on one straight line from the first to the last. */
  stroke: { x: number; y: number }[];
  /** The image point the wheel zooms about (4 notches) before the rectangle. */
  zoomAbout: { x: number; y: number };
  rect: [{ x: number; y: number }, { x: number; y: number }];
}

/**
 * Paints `painting` (the stroke at the fitted zoom, the rectangle zoomed in well past it) and
 * returns both views, for the mask's check: painting must land at image pixels at any zoom.
 */
export async function paintZoomedOutAndIn(
  page: Page,
  painting: ZoomedPainting,
): Promise<{ fitted: StageView; zoomed: StageView }> {
  const fitted = await stageView(page);
  await drag(page, painting.stroke);
  const zoomed = await wheelZoom(page, painting.zoomAbout, 4);
  expect(zoomed.scale).toBeGreaterThan(fitted.scale * 1.4);
  await paintRectangle(page, ...painting.rect);
  return { fitted, zoomed };
}

/**
 * Where `painting` (a 40 px brush) falls in the exported mask, for checkMask: edges are the
 * brush's anti-aliased rim and the rectangle's corners to within a screen pixel at `zoomed`.
 */
export function paintedArea(painting: ZoomedPainting, zoomed: StageView) {
  const a = painting.stroke[0]!;
  const b = painting.stroke.at(-1)!;
  const [r0, r1] = painting.rect;
  const rim = 1.5;
  const slack = 1 / zoomed.scale + 1;
  return (x: number, y: number): 'in' | 'out' | 'edge' => {
    const d = distanceToSegment({ x, y }, a, b);
    const inRect = x > r0.x + slack && x < r1.x - slack && y > r0.y + slack && y < r1.y - slack;
    const nearRect = x > r0.x - slack && x < r1.x + slack && y > r0.y - slack && y < r1.y + slack;
    if (d < 20 - rim || inRect) return 'in';
    if (d < 20 + rim || nearRect) return 'edge';
    return 'out';
  };
}

/**
 * Zooms in with the mouse wheel about an image point, `notches` wheel steps, and waits
 * until the stage has settled at the new zoom. (Wheel events are applied once per frame, and
 * how far one notch zooms depends on the delta the device reports, which varies with the
 * pixel ratio, so the test waits for the zoom to stop changing rather than for a value.)
 */
export async function wheelZoom(
  page: Page,
  at: { x: number; y: number },
  notches: number,
): Promise<StageView> {
  const before = await stageView(page);
  const anchor = toScreen(before, at);
  await page.mouse.move(anchor.x, anchor.y);
  for (let i = 0; i < notches; i++) await page.mouse.wheel(0, -100);
  let last = before.scale;
  await expect
    .poll(
      async () => {
        const now = (await stageView(page)).scale;
        const settled = now > before.scale && now === last;
        last = now;
        return settled;
      },
      { timeout: 5000, intervals: [100] },
    )
    .toBe(true);
  return stageView(page);
}

/** The exact bytes an <img> shows, once it has loaded (its blob: URL read back in the page). */
export async function shownBytes(img: Locator): Promise<Buffer> {
  await expect.poll(() => img.evaluate((n: HTMLImageElement) => n.naturalWidth)).toBeGreaterThan(0);
  const b64 = await img.evaluate(async (node: HTMLImageElement) => {
    const bytes = new Uint8Array(await (await fetch(node.src)).arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  });
  return Buffer.from(b64, 'base64');
}

/**
 * Opens "Mask preview" and returns the painted mask, decoded: the exact PNG the edit sends,
 * or, when Keep unpainted pixels grows that by a rim, the painting the preview shows beside it.
 */
export async function previewMask(page: Page): Promise<DecodedImage> {
  await page.getByRole('button', { name: 'Mask preview' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mask preview' });
  const img = dialog.getByRole('img', { name: /^Mask to be sent/ });
  await expect(img).toBeVisible();
  // With Keep unpainted pixels the mask sent is the painting grown by a rim: the painting
  // itself is one click away, and is what the painting tests look at.
  let shown = img;
  const asPainted = dialog.getByRole('radio', { name: 'As painted' });
  if ((await asPainted.count()) > 0) {
    await asPainted.click();
    shown = dialog.getByRole('img', { name: /^Painted area/ });
    await expect(shown).toBeVisible();
  }
  const bytes = await shownBytes(shown);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return decode(bytes);
}

/** Distance from p to the segment a–b. */
export function distanceToSegment(
  p: { x: number; y: number },
  a: { x: number; y: number },
  b: { x: number; y: number },
): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(
    0,
    Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)),
  );
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * Checks every pixel of a 0/255 mask against the shapes painted: alpha 0 within the shapes
 * (allowing `edge` pixels of slack at their borders), 255 elsewhere. Returns the misplaced
 * pixel counts so a failure says how wrong it is.
 */
export function checkMask(
  mask: DecodedImage,
  painted: (x: number, y: number) => 'in' | 'out' | 'edge',
): { wronglyKept: number; wronglyPainted: number; partialAlpha: number } {
  let wronglyKept = 0;
  let wronglyPainted = 0;
  let partialAlpha = 0;
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      const a = mask.data[(y * mask.width + x) * 4 + 3]!;
      if (a !== 0 && a !== 255) partialAlpha++;
      const where = painted(x + 0.5, y + 0.5);
      if (where === 'in' && a !== 0) wronglyKept++;
      if (where === 'out' && a !== 255) wronglyPainted++;
    }
  }
  return { wronglyKept, wronglyPainted, partialAlpha };
}

/** The stage's colour at an image point, as shown (mask overlay included). */
export async function shownAt(page: Page, p: { x: number; y: number }): Promise<number[]> {
  const at = toScreen(await stageView(page), p);
  const png = await page.screenshot({
    clip: { x: Math.round(at.x), y: Math.round(at.y), width: 1, height: 1 },
  });
  const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return [data[0]!, data[1]!, data[2]!];
}

/** Straight-line distance between two RGB colours. */
export const apart = (a: number[], b: number[]) =>
  Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
