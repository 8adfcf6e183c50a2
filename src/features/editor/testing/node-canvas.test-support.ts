/**
 * Unit-test support: a real 2D canvas in Node (@napi-rs/canvas, Skia) standing in for the
 * browser's OffscreenCanvas, and a PNG decoder (sharp) to read back what was exported.
 */
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import type { CanvasFactory, PaintCanvas, RgbaImage } from '../mask/paint-canvas.ts';
import type { ExportDeps } from '../mask/export-mask.ts';

// @napi-rs/canvas implements the same 2D API but has its own types; the mask code only uses
// the shared subset, so it is passed where an OffscreenCanvas is expected.
export const nodeCanvas: CanvasFactory = (w, h) => createCanvas(w, h) as unknown as PaintCanvas;

export const nodeExportDeps: ExportDeps = {
  createCanvas: nodeCanvas,
  encodePng: async (canvas) => {
    const png = await (canvas as unknown as Canvas).encode('png');
    return new Blob([new Uint8Array(png)], { type: 'image/png' });
  },
};

export async function decodePng(blob: Blob): Promise<RgbaImage & { channels: number }> {
  const input = Buffer.from(await blob.arrayBuffer());
  const meta = await sharp(input).metadata();
  const { data, info } = await sharp(input)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    channels: meta.channels ?? 0,
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
  };
}

/** Alpha at (x, y) of a decoded RGBA image. */
export function alphaAt(image: RgbaImage, x: number, y: number): number {
  return image.data[(Math.floor(y) * image.width + Math.floor(x)) * 4 + 3] ?? -1;
}
