/**
 * Synthetic pictures with known answers for the compose tests: a textured "photo", the same
 * picture with a known drift, and a square selection.
 */
import type { ComposeInputs } from './soft-compose.ts';

export const W = 96;
export const H = 80;

/** Smooth gradients plus texture a few pixels across: enough detail to register and match. */
export function texture(
  width = W,
  height = H,
  dx = 0,
  dy = 0,
  zoom = 1,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Moved by (dx, dy), or magnified about the centre by `zoom` (a reframed picture).
      const u = (x - width / 2) / zoom + width / 2 - dx;
      const v = (y - height / 2) / zoom + height / 2 - dy;
      const i = (y * width + x) * 4;
      out[i] = 90 + u + 30 * Math.sin(u / 3) * Math.cos(v / 4);
      out[i + 1] = 70 + v + 25 * Math.cos(u / 5 + v / 7) + 20 * Math.sin(u / 1.3 + v / 2.1);
      out[i + 2] = 120 + 30 * Math.sin(v / 3);
      out[i + 3] = 255;
    }
  }
  return out;
}

/** A copy with `change(r, g, b, p)` applied to every pixel. */
export function mapPixels(
  rgba: Uint8ClampedArray,
  change: (rgb: [number, number, number], p: number) => [number, number, number],
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(rgba.length);
  for (let p = 0; p < rgba.length / 4; p++) {
    const [r, g, b] = change([rgba[p * 4]!, rgba[p * 4 + 1]!, rgba[p * 4 + 2]!], p);
    out.set([r, g, b, rgba[p * 4 + 3]!], p * 4);
  }
  return out;
}

export function squareSelection(x0: number, y0: number, size: number, width = W, height = H) {
  const region = new Uint8Array(width * height);
  for (let y = y0; y < y0 + size; y++)
    for (let x = x0; x < x0 + size; x++) region[y * width + x] = 1;
  return region;
}

export const inside = (p: number, x0: number, y0: number, size: number, width = W) => {
  const x = p % width;
  const y = Math.floor(p / width);
  return x >= x0 && x < x0 + size && y >= y0 && y < y0 + size;
};

export function inputs(
  result: Uint8ClampedArray<ArrayBuffer>,
  selection: Uint8Array,
): ComposeInputs {
  return { width: W, height: H, original: texture(), result, selection };
}

/** Mean absolute difference of RGB over the pixels `which(p)` selects. */
export function meanDiff(
  a: Uint8ClampedArray,
  b: Uint8ClampedArray,
  which: (p: number) => boolean,
) {
  let sum = 0;
  let n = 0;
  for (let p = 0; p < a.length / 4; p++) {
    if (!which(p)) continue;
    for (let c = 0; c < 3; c++) sum += Math.abs(a[p * 4 + c]! - b[p * 4 + c]!);
    n++;
  }
  return sum / (3 * n);
}
