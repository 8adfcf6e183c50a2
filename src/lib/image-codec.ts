/**
 * Decoding, drawing and encoding images with the browser's own codecs. Runs in a worker
 * (OffscreenCanvas) so a huge image never freezes the page, and on the main thread as a
 * fallback. Contract: `prepareUpload` returns a PNG strictly smaller than `maxBytes` whose
 * pixel size is the geometry it reports (shrunk in steps when the first encode is too big).
 */
import { shrink, sourceRect, type Box, type SourceGeometry } from './image-geometry.ts';
import { opaqueByHeader } from './image-opacity.ts';

/** Enough of a file for its header and the PNG chunks before the pixels. */
const HEADER_BYTES = 64 * 1024;

export interface DecodedImage {
  bitmap: ImageBitmap;
  /** The decoded bitmap's size (the natural size, or smaller when scaled to maxEdge). */
  width: number;
  height: number;
  naturalWidth: number;
  naturalHeight: number;
  /** Any pixel not fully opaque. */
  hasAlpha: boolean;
}

/** Throws when the browser cannot decode the bytes. */
export async function decodeImage(blob: Blob, maxEdge: number): Promise<DecodedImage> {
  // GIFs and animated WebP/APNG decode to their first frame; EXIF orientation is applied.
  let bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  const naturalWidth = bitmap.width;
  const naturalHeight = bitmap.height;
  if (naturalWidth === 0 || naturalHeight === 0) throw new Error('The image has no pixels');
  const long = Math.max(naturalWidth, naturalHeight);
  if (long > maxEdge) {
    const k = maxEdge / long;
    const scaled = await createImageBitmap(bitmap, {
      resizeWidth: Math.max(1, Math.round(naturalWidth * k)),
      resizeHeight: Math.max(1, Math.round(naturalHeight * k)),
      resizeQuality: 'high',
    });
    bitmap.close();
    bitmap = scaled;
  }
  return {
    bitmap,
    width: bitmap.width,
    height: bitmap.height,
    naturalWidth,
    naturalHeight,
    // A file that says it has no alpha needs no look at every pixel.
    hasAlpha: opaqueByHeader(new Uint8Array(await blob.slice(0, HEADER_BYTES).arrayBuffer()))
      ? false
      : hasTransparency(bitmap),
  };
}

export function canvas2d(width: number, height: number) {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser cannot create a 2D canvas');
  return { canvas, ctx };
}

function hasTransparency(bitmap: ImageBitmap): boolean {
  const { ctx } = canvas2d(bitmap.width, bitmap.height);
  ctx.drawImage(bitmap, 0, 0);
  // Row bands keep the read-back small even for a 4096 px image.
  const band = Math.max(1, Math.floor((1 << 22) / (bitmap.width * 4)));
  for (let y = 0; y < bitmap.height; y += band) {
    const h = Math.min(band, bitmap.height - y);
    const { data } = ctx.getImageData(0, y, bitmap.width, h);
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return true;
  }
  return false;
}

/**
 * Draws `box` of an image (which may reach outside it: padding) onto a canvas of
 * `width` x `height`. The part outside the image stays transparent. Clipping is done here
 * rather than trusting every browser to clip drawImage's source rectangle the same way.
 */
export function drawBox(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  image: CanvasImageSource,
  imageSize: { width: number; height: number },
  box: Box,
  width: number,
  height: number,
): void {
  const sx0 = Math.max(0, box.x);
  const sy0 = Math.max(0, box.y);
  const sx1 = Math.min(imageSize.width, box.x + box.width);
  const sy1 = Math.min(imageSize.height, box.y + box.height);
  if (sx1 <= sx0 || sy1 <= sy0) return;
  const kx = width / box.width;
  const ky = height / box.height;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(
    image,
    sx0,
    sy0,
    sx1 - sx0,
    sy1 - sy0,
    (sx0 - box.x) * kx,
    (sy0 - box.y) * ky,
    (sx1 - sx0) * kx,
    (sy1 - sy0) * ky,
  );
}

/** `geometry` of the original (crop, pad, scale) drawn on a canvas of its size. */
export function renderGeometry(original: ImageBitmap, geometry: SourceGeometry): OffscreenCanvas {
  const { canvas, ctx } = canvas2d(geometry.width, geometry.height);
  drawBox(ctx, original, original, sourceRect(geometry), geometry.width, geometry.height);
  return canvas;
}

export function encodePng(canvas: OffscreenCanvas): Promise<Blob> {
  // Chromium's canvas encoder always writes 8-bit RGBA (colour type 6), which dall-e-2 requires.
  return canvas.convertToBlob({ type: 'image/png' });
}

export interface PreparedUpload {
  canvas: OffscreenCanvas;
  png: Blob;
  geometry: SourceGeometry;
  /** The geometry first asked for, when the PNG had to shrink to fit `maxBytes`. */
  shrunkFrom?: SourceGeometry;
}

export async function prepareUpload(
  original: ImageBitmap,
  geometry: SourceGeometry,
  maxBytes: number,
): Promise<PreparedUpload> {
  let current = geometry;
  for (let attempt = 0; attempt < 12; attempt++) {
    const canvas = renderGeometry(original, current);
    const png = await encodePng(canvas);
    if (png.size < maxBytes) {
      return { canvas, png, geometry: current, ...(attempt > 0 ? { shrunkFrom: geometry } : {}) };
    }
    // PNG size grows roughly with the pixel count: aim a little under the limit.
    current = shrink(current, Math.min(0.9, Math.sqrt(maxBytes / png.size) * 0.95));
  }
  throw new Error('The image could not be made small enough to upload');
}
