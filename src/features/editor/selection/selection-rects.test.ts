import { describe, expect, it } from 'vitest';
import { MaskModel } from '../mask/mask-model.ts';
import type { RgbaImage } from '../mask/paint-canvas.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';
import { applySelection } from './apply-selection.ts';
import { selectByColour, selectRuns } from './magic-wand.ts';
import { MAX_PAGE_RECTS, rectsOf, selectionShape } from './selection-rects.ts';
import { wandResult } from './selection.test-support.ts';

/** The pixels a list of rectangles covers, at most once each (throws on an overlap). */
function cover(rects: Int32Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let i = 0; i < rects.length; i += 4) {
    const [x, y, w, h] = rects.subarray(i, i + 4);
    for (let yy = y!; yy < y! + h!; yy++)
      for (let xx = x!; xx < x! + w!; xx++) {
        if (out[yy * width + xx]) throw new Error(`(${xx}, ${yy}) covered twice`);
        out[yy * width + xx] = 255;
      }
  }
  return out;
}

/** Grey picture of random blobs: pixel value from a small random palette. */
function blobs(width: number, height: number, seed: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // Rows often repeat the one above, so rectangles do merge.
  let row: number[] = [];
  for (let y = 0; y < height; y++) {
    if (y === 0 || random() < 0.4)
      row = Array.from({ length: width }, () => (random() < 0.6 ? 10 : 200));
    row.forEach((v, x) => data.set([v, v, v, 255], (y * width + x) * 4));
  }
  return { width, height, data };
}

describe('a wand selection as rectangles', () => {
  it('merges a run repeated in the rows below into one rectangle', () => {
    // Rows 0-2: x 2..5; row 3: x 2..5 and 7..8; row 5 (after a gap): x 2..5 again.
    const runs = Int32Array.from([0, 2, 6, 1, 2, 6, 2, 2, 6, 3, 2, 6, 3, 7, 9, 5, 2, 6]);
    expect(Array.from(rectsOf(runs))).toEqual(
      [
        [2, 0, 4, 4],
        [7, 3, 2, 1],
        [2, 5, 4, 1],
      ].flat(),
    );
  });

  it('covers exactly the selected pixels, each once (random pictures)', () => {
    for (let round = 0; round < 12; round++) {
      const image = blobs(31 + round, 19 + round, round + 3);
      const contiguous = round % 3 !== 0;
      const seed = { x: round % 7, y: round % 5 };
      const { runs, count } = selectRuns(image, seed, { tolerance: 0, contiguous });
      const rects = rectsOf(runs);
      const expected = selectByColour(image, seed, { tolerance: 0, contiguous }).data;
      expect(cover(rects, image.width, image.height)).toEqual(expected);
      expect(rects.length / 4).toBeLessThanOrEqual(runs.length / 3);
      expect(expected.filter(Boolean).length).toBe(count);
    }
  });

  it('a ragged selection travels as pixels, and lands the same', () => {
    // A checkerboard, colour range everywhere: one rectangle per pixel, too many to fill.
    const side = Math.ceil(Math.sqrt(MAX_PAGE_RECTS * 2)) + 2;
    const data = new Uint8ClampedArray(side * side * 4);
    for (let i = 0; i < side * side; i++) {
      const black = (i % side) % 2 === Math.floor(i / side) % 2;
      data.set(black ? [0, 0, 0, 255] : [255, 255, 255, 255], i * 4);
    }
    const image = { width: side, height: side, data };
    const options = { tolerance: 0, contiguous: false };
    const { runs, bounds } = selectRuns(image, { x: 0, y: 0 }, options);
    expect('pixels' in selectionShape(runs, bounds!)).toBe(true);

    const result = wandResult(image, { x: 0, y: 0 }, options);
    expect(result.rects ?? null).toBeNull();
    const mask = new MaskModel(side, side, nodeCanvas);
    applySelection(mask, result, 'replace', 'Magic wand');
    const alpha = mask.readAlpha({ x: 0, y: 0, width: side, height: side });
    expect(alpha).toEqual(selectByColour(image, { x: 0, y: 0 }, options).data);
  });
});
