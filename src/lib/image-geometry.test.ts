import { describe, expect, it } from 'vitest';
import {
  centredSquare,
  clampSquare,
  cropToSquare,
  fitSize,
  padToSquare,
  placementBetween,
  shrink,
  sourceRect,
  wholeImage,
} from './image-geometry.ts';

describe('source geometry', () => {
  it('fits the long side, never enlarging', () => {
    expect(fitSize(8000, 6000, 4096)).toEqual({ width: 4096, height: 3072 });
    expect(fitSize(300, 200, 4096)).toEqual({ width: 300, height: 200 });
  });

  it('the crop step starts on the largest centred square and stays inside the image', () => {
    expect(centredSquare(1600, 1000)).toEqual({ x: 300, y: 0, side: 1000 });
    expect(clampSquare({ x: 900, y: -20, side: 1000 }, 1600, 1000)).toEqual({
      x: 600,
      y: 0,
      side: 1000,
    });
    expect(clampSquare({ x: 0, y: 0, side: 4 }, 1600, 1000).side).toBe(16);
  });

  it('a crop scaled to dall-e-2 size reads the right part of the original', () => {
    const g = cropToSquare({ x: 300, y: 0, side: 1000 }, 1024);
    expect([g.width, g.height]).toEqual([1000, 1000]);
    const big = cropToSquare({ x: 100, y: 50, side: 2048 }, 1024);
    expect([big.width, big.scale]).toEqual([1024, 2]);
    expect(sourceRect(big)).toEqual({ x: 100, y: 50, width: 2048, height: 2048 });
  });

  it('padding centres the whole image on a transparent square', () => {
    const g = padToSquare(1600, 1000, 1024);
    expect([g.width, g.height]).toEqual([1024, 1024]);
    expect(sourceRect(g)).toEqual({ x: 0, y: -300, width: 1600, height: 1600 });
  });

  it('carries a painted mask from one framing to another', () => {
    const crop = cropToSquare({ x: 300, y: 0, side: 1000 }, 1024);
    const whole = wholeImage(1600, 1000, 4096);
    // The cropped square's paint sits at x 300 in the whole image, at the same scale.
    expect(placementBetween(crop, whole)).toEqual({ x: 300, y: 0, width: 1000, height: 1000 });
    const pad = padToSquare(1600, 1000, 800); // 2 original px per source px
    expect(placementBetween(whole, pad)).toEqual({ x: 0, y: 150, width: 800, height: 500 });
  });

  it('shrinking keeps the framing and the aspect', () => {
    const g = shrink(wholeImage(1600, 1000, 4096), 0.5);
    expect([g.width, g.height, g.scale]).toEqual([800, 500, 2]);
    expect(sourceRect(g)).toEqual({ x: 0, y: 0, width: 1600, height: 1000 });
  });
});
