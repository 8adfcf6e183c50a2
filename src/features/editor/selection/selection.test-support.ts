/** Unit-test support: selections as the workers send them, made with a Node canvas. */
import { ImageData as NodeImageData } from '@napi-rs/canvas';
import type { RgbaImage } from '../mask/paint-canvas.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';
import { selectRuns, type WandOptions } from './magic-wand.ts';
import type { SelectionResult } from './selection-result.ts';
import { selectionPixels } from './selection-pixels.ts';
import { selectionShape } from './selection-rects.ts';

/** The worker's answer for a selection: its bounds painted in the mask's colour. */
export function paintOf(
  cells: Uint8Array,
  width: number,
  count: number,
  bounds: SelectionResult['bounds'],
): SelectionResult {
  if (!bounds) return { bounds: null, paint: null, count: 0 };
  return bitmapOf(selectionPixels(cells, width, bounds), bounds, count);
}

function bitmapOf(
  pixels: Uint8ClampedArray<ArrayBuffer>,
  bounds: NonNullable<SelectionResult['bounds']>,
  count: number,
): SelectionResult {
  const canvas = nodeCanvas(bounds.width, bounds.height);
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  ctx.putImageData(
    new NodeImageData(pixels, bounds.width, bounds.height) as unknown as ImageData,
    0,
    0,
  );
  // Workers answer with an ImageBitmap, which the caller closes.
  const paint = Object.assign(canvas, { close: () => {} }) as unknown as ImageBitmap;
  return { bounds, paint, count };
}

/** The selection worker's answer (rectangles, or a bitmap when ragged), computed here. */
export function wandResult(
  image: RgbaImage,
  seed: { x: number; y: number },
  options: WandOptions,
): SelectionResult {
  const { runs, bounds, count } = selectRuns(image, seed, options);
  if (!bounds) return { bounds: null, paint: null, count: 0 };
  const shape = selectionShape(runs, bounds);
  if ('rects' in shape) return { bounds, paint: null, rects: shape.rects, count };
  return bitmapOf(shape.pixels, bounds, count);
}

/** Columns 0..9 light, 10..19 green, 20..29 light again (10 rows). */
export function stripes(): RgbaImage {
  const width = 30;
  const height = 10;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const band = Math.floor((i % width) / 10) % 2;
    data.set(band ? [10, 200, 10, 255] : [250, 250, 250, 255], i * 4);
  }
  return { width, height, data };
}
