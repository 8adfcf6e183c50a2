import { describe, expect, it } from 'vitest';
import { distanceInside, driftLook } from './drift.ts';

describe('distanceInside', () => {
  it('gives each region pixel its distance to the nearest pixel outside, within a few percent', () => {
    const width = 41;
    const height = 41;
    const region = new Uint8Array(width * height);
    // A 21x21 square in the middle: the centre is 11 pixels from the outside.
    for (let y = 10; y <= 30; y++) for (let x = 10; x <= 30; x++) region[y * width + x] = 1;
    const d = distanceInside(region, width, height);
    expect(d[0]).toBe(0);
    expect(d[10 * width + 20]).toBe(1);
    expect(d[20 * width + 20]).toBeCloseTo(11, 0);
    // Diagonal: the corner pixel's inner neighbour is 2 steps in along both axes.
    expect(d[11 * width + 11]).toBe(2);
  });

  it('treats the image border as outside', () => {
    const region = new Uint8Array(5 * 5).fill(1);
    const d = distanceInside(region, 5, 5);
    expect(d[0]).toBe(1);
    expect(d[2 * 5 + 2]).toBe(3);
  });

  it('treats the right and bottom edges as outside too', () => {
    const side = 7;
    // The bottom three rows: their middle is nearest the bottom edge.
    const bottom = new Uint8Array(side * side);
    bottom.fill(1, 4 * side);
    expect(distanceInside(bottom, side, side)[6 * side + 3]).toBe(1);
    expect(distanceInside(bottom, side, side)[5 * side + 3]).toBe(2);
    // The right three columns: their middle is nearest the right edge.
    const right = new Uint8Array(side * side);
    for (let y = 0; y < side; y++) right.fill(1, y * side + 4, y * side + side);
    expect(distanceInside(right, side, side)[3 * side + 6]).toBe(1);
    expect(distanceInside(right, side, side)[3 * side + 5]).toBe(2);
  });

  it('is 0 everywhere for an empty region', () => {
    expect(Array.from(distanceInside(new Uint8Array(4 * 3), 4, 3))).toEqual(Array(12).fill(0));
  });
});

describe('driftLook', () => {
  it('is warm and small; only gpt-image-1-mini shifts', () => {
    const look = driftLook({ model: 'gpt-image-2', prompt: 'sky', index: 0 });
    expect(look.offset[0]).toBeGreaterThan(look.offset[2]);
    for (const g of look.gain) expect(Math.abs(g - 1)).toBeLessThan(0.07);
    expect(look.shift).toEqual({ x: 0, y: 0 });
    expect(driftLook({ model: 'gpt-image-1-mini', prompt: 'sky', index: 0 }).shift).toEqual({
      x: 1,
      y: 1,
    });
  });
});
