import { describe, expect, it } from 'vitest';
import { coverageFromMaskPixels } from './load-mask.ts';
import { maskSizeProblem } from './mask-size.ts';

/** RGBA pixels from [r, g, b, a] tuples. */
const pixels = (...px: [number, number, number, number][]) => Uint8ClampedArray.from(px.flat());

describe('coverageFromMaskPixels', () => {
  it('reads an opaque black-and-white mask by luminance: white is the area to change', () => {
    const mask = coverageFromMaskPixels(
      pixels([255, 255, 255, 255], [0, 0, 0, 255], [128, 128, 128, 255], [255, 0, 0, 255]),
      'auto',
    );
    expect(mask.readBy).toBe('luminance');
    expect(Array.from(mask.coverage)).toEqual([255, 0, 128, 54]);
    expect(mask.paintedPixels).toBe(2);
  });

  it('reads a mask with transparency by alpha, as the API does: transparent is the area to change', () => {
    const mask = coverageFromMaskPixels(
      pixels([0, 0, 0, 0], [255, 255, 255, 255], [0, 0, 0, 200]),
      'auto',
    );
    expect(mask.readBy).toBe('alpha');
    expect(Array.from(mask.coverage)).toEqual([255, 0, 55]);
    expect(mask.paintedPixels).toBe(1);
  });

  it('follows the reading asked for, whatever the file holds', () => {
    const px = pixels([255, 255, 255, 0], [0, 0, 0, 255]);
    expect(Array.from(coverageFromMaskPixels(px, 'luminance').coverage)).toEqual([255, 0]);
    expect(Array.from(coverageFromMaskPixels(px, 'alpha').coverage)).toEqual([255, 0]);
    const opaque = pixels([255, 255, 255, 255]);
    expect(coverageFromMaskPixels(opaque, 'alpha').paintedPixels).toBe(0);
  });
});

describe('maskSizeProblem', () => {
  it('accepts the image’s size and the same picture at another resolution', () => {
    expect(maskSizeProblem({ width: 1024, height: 640 }, { width: 1024, height: 640 })).toBeNull();
    expect(maskSizeProblem({ width: 1600, height: 1000 }, { width: 1024, height: 640 })).toBeNull();
    expect(maskSizeProblem({ width: 1601, height: 1000 }, { width: 1024, height: 640 })).toBeNull();
  });

  it('refuses other proportions, naming both sizes', () => {
    expect(maskSizeProblem({ width: 1000, height: 1000 }, { width: 1600, height: 1000 })).toBe(
      'The mask is 1000×1000, but the image is 1600×1000. Load a mask with the image’s size.',
    );
  });
});
