import { describe, expect, it } from 'vitest';
import { addGrain } from './grain.ts';

const flat = (value: number, alpha = 255) => {
  const pixels = new Uint8ClampedArray(64 * 64 * 4).fill(value);
  for (let i = 3; i < pixels.length; i += 4) pixels[i] = alpha;
  return pixels;
};

describe('addGrain', () => {
  it('moves every colour channel by at most the levels asked, and most of them', () => {
    const pixels = flat(128);
    addGrain(pixels, 10, 'a prompt', 0);
    let moved = 0;
    for (let i = 0; i < pixels.length; i++) {
      if ((i & 3) === 3) continue;
      expect(Math.abs(pixels[i]! - 128)).toBeLessThanOrEqual(10);
      if (pixels[i] !== 128) moved++;
    }
    expect(moved / ((pixels.length * 3) / 4)).toBeGreaterThan(0.9);
  });

  it('leaves alpha alone, so a transparent background stays transparent', () => {
    const pixels = flat(0, 0);
    addGrain(pixels, 10, 'a prompt', 0);
    for (let i = 3; i < pixels.length; i += 4) expect(pixels[i]).toBe(0);
  });

  it('clamps at black and white', () => {
    const dark = flat(2);
    const light = flat(253);
    addGrain(dark, 10, 'x');
    addGrain(light, 10, 'x');
    expect(Math.min(...dark)).toBe(0);
    expect(Math.max(...light)).toBe(255);
  });

  it('draws the same grain for the same seed and another for another', () => {
    const [a, b, c] = [flat(128), flat(128), flat(128)];
    addGrain(a, 6, 'a prompt', 0);
    addGrain(b, 6, 'a prompt', 0);
    addGrain(c, 6, 'a prompt', 1);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('does nothing at 0 levels', () => {
    const pixels = flat(128);
    addGrain(pixels, 0, 'x');
    expect(pixels).toEqual(flat(128));
  });
});
