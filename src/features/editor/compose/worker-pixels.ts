/**
 * Pixels in and out of the compose worker: PNG blobs decoded to RGBA exactly (our own PNGs
 * carry no colour profile to apply) and encoded back, and API masks read as regions.
 */
import { canvas2d, drawBox, encodePng } from '../../../lib/image-codec.ts';
import type { Region } from '../../../lib/regions/coverage-ops.ts';

// Our own PNGs: no colour management, so the bytes read back are the bytes sent.
const EXACT = { colorSpaceConversion: 'none', premultiplyAlpha: 'none' } as const;

export async function readPixels(blob: Blob, width?: number, height?: number) {
  const bitmap = await createImageBitmap(blob, EXACT);
  const w = width ?? bitmap.width;
  const h = height ?? bitmap.height;
  const { ctx } = canvas2d(w, h);
  if (bitmap.width === w && bitmap.height === h) ctx.drawImage(bitmap, 0, 0);
  else
    drawBox(ctx, bitmap, bitmap, { x: 0, y: 0, width: bitmap.width, height: bitmap.height }, w, h);
  bitmap.close();
  return ctx.getImageData(0, 0, w, h);
}

/** An API-convention mask (alpha 0 = edit here) as a region (1 = painted). */
export function regionFromApiMask(mask: ImageData): Region {
  const region = new Uint8Array(mask.width * mask.height);
  for (let p = 0; p < region.length; p++) region[p] = mask.data[p * 4 + 3]! < 128 ? 1 : 0;
  return region;
}

export async function toPng(pixels: Uint8ClampedArray<ArrayBuffer>, width: number, height: number) {
  const { canvas, ctx } = canvas2d(width, height);
  ctx.putImageData(new ImageData(pixels, width, height), 0, 0);
  return encodePng(canvas);
}

/** A region as an API mask PNG: alpha 0 where the region is (edit here), 255 elsewhere. */
export function apiMaskPng(region: Region, width: number, height: number): Promise<Blob> {
  const data = new Uint8ClampedArray(region.length * 4);
  for (let p = 0; p < region.length; p++) data[p * 4 + 3] = region[p] ? 0 : 255;
  return toPng(data, width, height);
}
