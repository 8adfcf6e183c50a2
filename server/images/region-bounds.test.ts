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
});
