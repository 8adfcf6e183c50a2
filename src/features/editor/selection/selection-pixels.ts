/**
 * A selection as the mask's paint: the pixels of its bounds, in the mask's colour where
 * selected (alpha 255) and transparent elsewhere, ready for one drawImage onto the mask.
 * Runs in the selection workers; pure, so it is tested without a browser.
 */
import { MASK_RGB } from '../mask/mask-model.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import { SELECTED } from './magic-wand.ts';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const [R, G, B] = MASK_RGB;
/** One opaque pixel of the mask's colour as a 32-bit word in memory order. */
const PAINT = LITTLE_ENDIAN
  ? ((255 << 24) | (B << 16) | (G << 8) | R) >>> 0
  : ((R << 24) | (G << 16) | (B << 8) | 255) >>> 0;

/** RGBA of `bounds` (width x height of the bounds): the mask's colour where `cells` is SELECTED. */
export function selectionPixels(
  cells: Uint8Array,
  width: number,
  bounds: Rect,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint32Array(bounds.width * bounds.height);
  for (let y = 0; y < bounds.height; y++) {
    const from = (bounds.y + y) * width + bounds.x;
    const to = y * bounds.width;
    // Runs are filled whole (a memset), not pixel by pixel: selections are mostly long runs.
    let x = 0;
    while (x < bounds.width) {
      while (x < bounds.width && cells[from + x] !== SELECTED) x++;
      const start = x;
      while (x < bounds.width && cells[from + x] === SELECTED) x++;
      if (x > start) out.fill(PAINT, to + start, to + x);
    }
  }
  return new Uint8ClampedArray(out.buffer);
}

/** RGBA of `bounds`: the mask's colour on the selected `runs` (y, x, x end triples). */
export function runPixels(runs: Int32Array, bounds: Rect): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint32Array(bounds.width * bounds.height);
  for (let i = 0; i < runs.length; i += 3) {
    const row = (runs[i]! - bounds.y) * bounds.width - bounds.x;
    out.fill(PAINT, row + runs[i + 1]!, row + runs[i + 2]!);
  }
  return new Uint8ClampedArray(out.buffer);
}
