import { describe, expect, it } from 'vitest';
import { changedOutsideMask, composeBack } from './compose-back.ts';
import type { RgbaImage } from './paint-canvas.ts';

function image(
  width: number,
  height: number,
  pixel: (x: number, y: number) => number[],
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  }
  return { width, height, data };
}

describe('composeBack', () => {
  const original = image(8, 6, (x, y) => [x * 30, y * 40, 7, 255]);
  // A GPT image model repainted everything, slightly shifting the colours outside the mask too.
  const edited = image(8, 6, (x, y) => [x * 30 + 1, y * 40, 200, 255]);
  // Painted (alpha 0) in the 3x2 block at (2..4, 1..2).
  const mask = image(8, 6, (x, y) => [0, 0, 0, x >= 2 && x <= 4 && y >= 1 && y <= 2 ? 0 : 255]);

  it('keeps every unpainted pixel byte-identical to the original and takes the painted ones from the edit', () => {
    const out = composeBack(original, edited, mask);
    expect(changedOutsideMask(out, original, mask)).toBe(0);
    expect(changedOutsideMask(edited, original, mask)).toBe(42);
    for (let y = 1; y <= 2; y++) {
      for (let x = 2; x <= 4; x++) {
        const i = (y * 8 + x) * 4;
        expect([...out.data.slice(i, i + 4)]).toEqual([...edited.data.slice(i, i + 4)]);
      }
    }
  });

  it('keeps an unpainted transparent pixel transparent', () => {
    const clear = image(2, 1, () => [0, 0, 0, 0]);
    const filled = image(2, 1, () => [9, 9, 9, 255]);
    const keepFirst = image(2, 1, (x) => [0, 0, 0, x === 0 ? 255 : 0]);
    const out = composeBack(clear, filled, keepFirst);
    expect([...out.data]).toEqual([0, 0, 0, 0, 9, 9, 9, 255]);
  });

  it('refuses images of different sizes rather than misaligning them', () => {
    expect(() =>
      composeBack(
        original,
        image(4, 3, () => [0, 0, 0, 255]),
        mask,
      ),
    ).toThrow(/edited result is 4x3/);
  });
});
