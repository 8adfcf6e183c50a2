import { describe, expect, it } from 'vitest';
import { regionBounds } from './region-bounds.ts';

describe('regionBounds', () => {
  it('is the smallest rectangle holding every marked pixel', () => {
    const width = 10;
    const region = new Uint8Array(width * 6);
    region[1 * width + 7] = 1;
    region[4 * width + 2] = 255;
    expect(regionBounds(region, width)).toEqual({ x: 2, y: 1, width: 6, height: 4 });
  });

  it('is null for an empty region', () => {
    expect(regionBounds(new Uint8Array(20), 5)).toBeNull();
  });

  it('finds marked pixels in the first and last place of a row and of the image', () => {
    const width = 7;
    const region = new Uint8Array(width * 4);
    region[0] = 1;
    expect(regionBounds(region, width)).toEqual({ x: 0, y: 0, width: 1, height: 1 });
    region[region.length - 1] = 1;
    expect(regionBounds(region, width)).toEqual({ x: 0, y: 0, width: 7, height: 4 });
    region.fill(0);
    region[2 * width - 1] = 1; // the end of row 1
    region[2 * width] = 1; // the start of row 2
    expect(regionBounds(region, width)).toEqual({ x: 0, y: 1, width: 7, height: 2 });
  });

  it('agrees with a pixel-by-pixel search on scattered regions', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 50; round++) {
      const width = 1 + Math.floor(random() * 20);
      const height = 1 + Math.floor(random() * 20);
      const region = new Uint8Array(width * height);
      const marks = Math.floor(random() * 4);
      for (let m = 0; m < marks; m++) region[Math.floor(random() * region.length)] = 1;
      const xs: number[] = [];
      const ys: number[] = [];
      region.forEach((v, p) => {
        if (!v) return;
        xs.push(p % width);
        ys.push(Math.floor(p / width));
      });
      const expected = xs.length
        ? {
            x: Math.min(...xs),
            y: Math.min(...ys),
            width: Math.max(...xs) - Math.min(...xs) + 1,
            height: Math.max(...ys) - Math.min(...ys) + 1,
          }
        : null;
      expect(regionBounds(region, width)).toEqual(expected);
    }
  });
});
