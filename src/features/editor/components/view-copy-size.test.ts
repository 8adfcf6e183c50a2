import { describe, expect, it } from 'vitest';
import { viewCopySize } from './view-copy-size.ts';

describe('viewCopySize', () => {
  it('draws the image itself from half size up, so 100 % stays pixel-exact', () => {
    expect(viewCopySize(8000, 8000, 1, 1)).toBeNull();
    expect(viewCopySize(8000, 8000, 0.5, 1)).toBeNull();
    expect(viewCopySize(8000, 8000, 0.3, 2)).toBeNull(); // 0.6 device px per image px
  });

  it('halves until just above the screen resolution, never below it', () => {
    expect(viewCopySize(8000, 8000, 0.125, 1)).toEqual({ width: 1000, height: 1000, factor: 8 });
    expect(viewCopySize(8000, 6000, 0.1, 1)).toEqual({ width: 1000, height: 750, factor: 8 });
    expect(viewCopySize(8000, 8000, 0.4, 1)).toEqual({ width: 4000, height: 4000, factor: 2 });
    for (const scale of [0.49, 0.3, 0.2, 0.126, 0.05, 0.011]) {
      for (const dpr of [1, 2]) {
        const copy = viewCopySize(8000, 8000, scale, dpr);
        if (!copy) continue;
        expect(copy.width).toBeGreaterThanOrEqual(8000 * scale * dpr);
        expect(copy.width).toBeLessThan(2 * 8000 * scale * dpr);
      }
    }
  });

  it('takes a high-density screen into account', () => {
    expect(viewCopySize(8000, 8000, 0.125, 2)?.factor).toBe(4);
  });

  it('rounds odd sizes up and keeps at least one pixel', () => {
    expect(viewCopySize(4095, 3, 0.25, 1)).toEqual({ width: 1024, height: 1, factor: 4 });
  });

  it('draws the image itself for a scale that is not a zoom yet', () => {
    expect(viewCopySize(8000, 8000, 0, 1)).toBeNull();
    expect(viewCopySize(8000, 8000, Number.NaN, 1)).toBeNull();
  });
});
