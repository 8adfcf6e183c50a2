import { describe, expect, it } from 'vitest';
import { ExtendCanvas } from './extend-canvas.ts';

/** A 40x20 original: red on the left half, blue on the right. */
function original() {
  const rgba = new Uint8ClampedArray(40 * 20 * 4);
  for (let p = 0; p < 800; p++) rgba.set(p % 40 < 20 ? [200, 0, 0, 255] : [0, 0, 200, 255], p * 4);
  return { rgba, width: 40, height: 20 };
}
const px = (rgba: Uint8ClampedArray, width: number, x: number, y: number) => [
  ...rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 4),
];

describe('ExtendCanvas', () => {
  it('places the original and pre-fills the new area from its edges, smoothly', () => {
    const canvas = new ExtendCanvas(80, 20, original(), { x: 20, y: 0 });
    const { image, newArea, sent } = canvas.frameInputs({ x: 0, y: 0, width: 80, height: 20 }, 4);
    // The original is untouched where it is.
    expect(px(image, 80, 25, 5)).toEqual([200, 0, 0, 255]);
    expect(px(image, 80, 55, 5)).toEqual([0, 0, 200, 255]);
    // Left of it the fill continues the red edge; right of it the blue one; all opaque.
    expect(px(image, 80, 18, 10)[0]).toBeGreaterThan(120);
    expect(px(image, 80, 18, 10)[2]).toBeLessThan(80);
    expect(px(image, 80, 62, 10)[2]).toBeGreaterThan(120);
    expect(px(image, 80, 2, 10)[3]).toBe(255);
    // New area: outside the original. Sent: that plus 4 px into it, left and right only.
    expect(newArea[10 * 80 + 19]).toBe(1);
    expect(newArea[10 * 80 + 20]).toBe(0);
    expect(sent[10 * 80 + 23]).toBe(1);
    expect(sent[10 * 80 + 24]).toBe(0);
    expect(sent[10 * 80 + 40]).toBe(0);
    expect(sent[10 * 80 + 56]).toBe(1);
  });

  it('a pasted frame becomes known; the next frame sees it', () => {
    const canvas = new ExtendCanvas(80, 20, original(), { x: 20, y: 0 });
    const green = new Uint8ClampedArray(40 * 20 * 4);
    for (let p = 0; p < 800; p++) green.set([0, 180, 0, 255], p * 4);
    canvas.paste({ x: 0, y: 0, width: 40, height: 20 }, green);
    expect(canvas.done).toBe(false);
    const next = canvas.frameInputs({ x: 30, y: 0, width: 50, height: 20 }, 4);
    expect(next.newArea.reduce((s, v) => s + v, 0)).toBe(20 * 20);
    expect(px(next.image, 50, 0, 0)).toEqual([0, 180, 0, 255]);
    canvas.paste({ x: 40, y: 0, width: 40, height: 20 }, green);
    expect(canvas.done).toBe(true);
  });
});
