import { describe, expect, it } from 'vitest';
import { drawsViewCopy, viewCopyFactor, viewCopySize } from './view-copy.ts';

describe('viewCopyFactor', () => {
  it('halves a 4096² image until just above what a 1440x900 window shows of it', () => {
    // Fitted, 4096 px go into at most 900 device px: 0.22 → a quarter (1024 px) keeps them all.
    expect(viewCopyFactor(4096, 4096, { width: 1440, height: 900 })).toBe(4);
    // At dpr 2 the same window has 1800 device px: half (2048 px).
    expect(viewCopyFactor(4096, 4096, { width: 2880, height: 1800 })).toBe(2);
  });

  it('never leaves the copy fewer pixels than the fitted image shows', () => {
    for (const [w, h] of [
      [4096, 4096],
      [4096, 2304],
      [1000, 3000],
      [4095, 17],
    ] as const) {
      for (const room of [
        { width: 390, height: 844 },
        { width: 1440, height: 900 },
        { width: 2880, height: 1800 },
      ]) {
        const factor = viewCopyFactor(w, h, room);
        if (factor === null) continue;
        const copy = viewCopySize(w, h, factor);
        const fit = Math.min(room.width / w, room.height / h);
        expect(copy.width).toBeGreaterThanOrEqual(w * fit);
        expect(copy.height).toBeGreaterThanOrEqual(h * fit);
        expect(drawsViewCopy(copy, w, h, fit, 1)).toBe(true);
      }
    }
  });

  it('makes no copy when the window shows half the image or more', () => {
    expect(viewCopyFactor(1600, 1000, { width: 1440, height: 900 })).toBeNull();
    expect(viewCopyFactor(4096, 4096, { width: 5120, height: 2880 })).toBeNull();
    expect(viewCopyFactor(4096, 4096, { width: 0, height: 900 })).toBeNull();
  });
});

describe('drawsViewCopy', () => {
  const copy = viewCopySize(4096, 4096, 4); // 1024²

  it('draws the image itself at 100 %, on a high-density screen too', () => {
    expect(drawsViewCopy(copy, 4096, 4096, 1, 1)).toBe(false);
    expect(drawsViewCopy(copy, 4096, 4096, 0.5, 2)).toBe(false);
  });

  it('draws the copy up to its own resolution and no further', () => {
    expect(drawsViewCopy(copy, 4096, 4096, 0.2, 1)).toBe(true);
    expect(drawsViewCopy(copy, 4096, 4096, 0.25, 1)).toBe(true);
    expect(drawsViewCopy(copy, 4096, 4096, 0.26, 1)).toBe(false);
    expect(drawsViewCopy(copy, 4096, 4096, 0.125, 2)).toBe(true);
    expect(drawsViewCopy(copy, 4096, 4096, 0.2, 2)).toBe(false);
  });

  it('draws the image itself before the stage has a zoom', () => {
    expect(drawsViewCopy(copy, 4096, 4096, 0, 1)).toBe(false);
    expect(drawsViewCopy(copy, 4096, 4096, Number.NaN, 1)).toBe(false);
  });
});
