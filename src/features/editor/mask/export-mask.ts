/**
 * exportMask: the mask PNG exactly as the Images API wants it.
 *
 * Contract: the PNG is the image's natural width x height (the paint canvas's size, never
 * the view's: no zoom, stage size or devicePixelRatio is read here); alpha is 0 where the
 * designer painted and 255 everywhere else, with nothing in between. Recipe (DESIGN.md,
 * "Mask painting"): fill an opaque canvas of the image size, cut the painted pixels out with
 * destination-out, force every alpha to 0 or 255, encode.
 */
import { HALF_COVERED } from '../../../lib/regions/coverage-ops.ts';
import { context2d, type CanvasFactory, type PaintCanvas } from './paint-canvas.ts';

/**
 * After the cut, a pixel keeps alpha 255 x (1 - coverage). It counts as painted when the
 * brush covered at least half of it (coverage >= 128/255), i.e. when the cut left < 128.
 */
export const KEPT_ALPHA_THRESHOLD = HALF_COVERED;

export interface MaskSource {
  canvas: CanvasImageSource | PaintCanvas;
  width: number;
  height: number;
}

export interface ExportedMask {
  png: Blob;
  width: number;
  height: number;
  /** Pixels sent with alpha 0 (to be edited). */
  paintedPixels: number;
}

export interface ExportDeps {
  createCanvas: CanvasFactory;
  encodePng: (canvas: PaintCanvas) => Promise<Blob>;
}

export async function exportMask(mask: MaskSource, deps: ExportDeps): Promise<ExportedMask> {
  const { width, height } = mask;
  const canvas = deps.createCanvas(width, height);
  const paintedPixels = renderMaskAlpha(canvas, mask);
  return { png: await deps.encodePng(canvas), width, height, paintedPixels };
}

/** Draws the 0/255 mask into `canvas` (already sized width x height); returns the painted count. */
export function renderMaskAlpha(canvas: PaintCanvas, mask: MaskSource): number {
  const { width, height } = mask;
  if (canvas.width !== width || canvas.height !== height) {
    throw new Error(`Mask canvas is ${canvas.width}x${canvas.height}, image is ${width}x${height}`);
  }
  const ctx = context2d(canvas);
  ctx.globalCompositeOperation = 'source-over';
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, width, height);
  ctx.globalCompositeOperation = 'destination-out';
  ctx.drawImage(mask.canvas as CanvasImageSource, 0, 0, width, height);
  ctx.globalCompositeOperation = 'source-over';

  // Row bands keep each read-back a few MB even for a 4K mask.
  const band = Math.max(1, Math.floor((4 << 20) / (width * 4)));
  let painted = 0;
  for (let y = 0; y < height; y += band) {
    const rows = Math.min(band, height - y);
    const image = ctx.getImageData(0, y, width, rows);
    painted += forceBinaryAlpha(image.data);
    ctx.putImageData(image, 0, y);
  }
  return painted;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Every pixel becomes opaque black or fully transparent; returns how many became transparent. */
export function forceBinaryAlpha(data: Uint8ClampedArray): number {
  let painted = 0;
  if (LITTLE_ENDIAN && data.byteOffset % 4 === 0) {
    // One 32-bit word per pixel: alpha is the high byte; opaque black is 0xff000000.
    const words = new Uint32Array(data.buffer, data.byteOffset, data.length >> 2);
    for (let i = 0; i < words.length; i++) {
      if (words[i]! >>> 24 >= KEPT_ALPHA_THRESHOLD) words[i] = 0xff000000;
      else {
        words[i] = 0;
        painted++;
      }
    }
    return painted;
  }
  for (let i = 0; i < data.length; i += 4) {
    data[i] = 0;
    data[i + 1] = 0;
    data[i + 2] = 0;
    if ((data[i + 3] ?? 0) >= KEPT_ALPHA_THRESHOLD) {
      data[i + 3] = 255;
    } else {
      data[i + 3] = 0;
      painted++;
    }
  }
  return painted;
}
