/**
 * The magic wand's worker: holds the picture's pixels (read once per picture, kept between
 * clicks, so a Tolerance preview sends only a point and the options) and answers each click
 * with the selection ready for the mask, so a 4096x4096 selection never blocks the page.
 */
import { exposeApi } from '../../../lib/worker-expose.ts';
import type { RgbaImage } from '../mask/paint-canvas.ts';
import { selectRuns, type WandOptions } from './magic-wand.ts';
import { selectionShape } from './selection-rects.ts';
import type { SelectionResult } from './selection-result.ts';

let picture: { id: number; image: RgbaImage } | null = null;

const api = {
  /** Keeps `bitmap`'s pixels (and closes it) as picture `id`, replacing the previous one. */
  async setPicture(id: number, bitmap: ImageBitmap): Promise<void> {
    try {
      const { width, height } = bitmap;
      const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2D canvas in the worker');
      ctx.drawImage(bitmap, 0, 0);
      picture = null; // let the old pixels go before holding the new ones
      picture = { id, image: ctx.getImageData(0, 0, width, height) };
    } finally {
      bitmap.close();
    }
  },

  async select(
    id: number,
    seed: { x: number; y: number },
    options: WandOptions,
  ): Promise<SelectionResult> {
    if (picture?.id !== id) throw new Error('the picture is not loaded in the worker');
    const started = performance.now();
    const result = await answer(picture.image, seed, options);
    return { ...result, workMs: performance.now() - started };
  },
};

async function answer(
  image: RgbaImage,
  seed: { x: number; y: number },
  options: WandOptions,
): Promise<SelectionResult> {
  const { runs, bounds, count } = selectRuns(image, seed, options);
  if (!bounds) return { bounds: null, paint: null, count: 0 };
  const shape = selectionShape(runs, bounds);
  if ('rects' in shape) return { bounds, paint: null, rects: shape.rects, count };
  const { pixels } = shape;
  const paint = await createImageBitmap(new ImageData(pixels, bounds.width, bounds.height));
  return { bounds, paint, count };
}

export type SelectionWorkerApi = typeof api;

exposeApi(api);
