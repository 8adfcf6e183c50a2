import { describe, expect, it } from 'vitest';
import { H, W, squareSelection } from './compose.test-support.ts';
import type { ComposeSettings } from './compose-settings.ts';
import { blendBand, blendWeight } from './blend-band.ts';
import { composeEdit, selectionField } from './soft-compose.ts';

const selection = squareSelection(36, 30, 20);
const field = selectionField(selection, W)!;
const soft: ComposeSettings = {
  mode: 'soft',
  grow: 10,
  feather: 6,
  colourMatch: false,
  keepUnchanged: false,
};

describe('blend band', () => {
  it('is what soft compose blends: black original, white result, the band’s share exactly', () => {
    const black = new Uint8ClampedArray(W * H * 4).fill(255);
    const white = new Uint8ClampedArray(W * H * 4).fill(255);
    for (let i = 0; i < black.length; i += 4) black.fill(0, i, i + 3);
    const { pixels } = composeEdit(
      { width: W, height: H, original: black, result: white, selection },
      field,
      soft,
    );
    const band = blendBand(field, W, H, soft);
    for (let p = 0; p < W * H; p++) {
      const expected = selection[p] ? 255 : band[p]!;
      expect(Math.abs(pixels[p * 4]! - expected), `pixel ${p}`).toBeLessThanOrEqual(1);
    }
  });

  it('is full up to the ramp, fades over the feather, and ends at the grown edge', () => {
    expect(blendWeight(1, 10, 6)).toBe(1);
    expect(blendWeight(5, 10, 6)).toBe(1);
    expect(blendWeight(8, 10, 6)).toBeGreaterThan(blendWeight(9, 10, 6));
    expect(blendWeight(10, 10, 6)).toBeGreaterThan(0);
    expect(blendWeight(10.5, 10, 6)).toBe(0);
    // Hard: no ramp, the whole grown rim is the result's.
    const hard = blendBand(field, W, H, { ...soft, mode: 'hard' });
    const row = 40 * W; // a row through the square (x 36..55)
    expect(Array.from(hard.slice(row + 26, row + 36))).toEqual(Array(10).fill(255));
    expect(hard[row + 25]).toBe(0);
    expect(hard[row + 40]).toBe(0); // inside the painted square: drawn by the mask itself
  });
});
