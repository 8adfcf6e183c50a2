/**
 * Colour match: a GPT image model's redraw drifts in colour (gpt-image-1 ran warm), so the
 * generated region is brought back to the original's colours before it is blended in.
 * Reinhard-style transfer in Lab: per channel, the result's mean and spread are matched to
 * the original's, measured on the same pixels of both (a ring just outside the blended
 * area, which the model redrew but was asked to keep, so any difference there is drift).
 * Clamped so a strange ring cannot send the colours wild: the spread ratio to 0.5–1.5 (as
 * local colour-match variants do) and the mean shift to a few Lab units.
 *
 * The transfer is baked into a 33³ RGB lookup table and applied by trilinear interpolation:
 * a handful of operations a pixel instead of a Lab round trip, off by a fraction of a level
 * on average and at most two or three levels where the gamut's edge bends the map
 * (colour-match.test.ts measures it).
 */
import { labToRgb, rgbToLab, type Lab } from './lab.ts';

export interface LabStats {
  mean: Lab;
  spread: Lab;
  count: number;
}

export interface ColourTransfer {
  /** Per Lab channel: x → (x − pivot) × scale + pivot + shift. */
  pivot: Lab;
  scale: Lab;
  shift: Lab;
}

export const SPREAD_RATIO = { min: 0.5, max: 1.5 } as const;
/** Largest mean shift per Lab channel (L, a, b): a drift, not a recolouring. */
export const MAX_MEAN_SHIFT: Lab = [20, 15, 15];

/** Mean and standard deviation in Lab of the RGBA pixels at `pixelIndices`. */
export function labStats(rgba: ArrayLike<number>, pixelIndices: ArrayLike<number>): LabStats {
  const sum = [0, 0, 0];
  const squares = [0, 0, 0];
  const n = pixelIndices.length;
  for (let k = 0; k < n; k++) {
    const i = pixelIndices[k]! * 4;
    const lab = rgbToLab(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
    for (let c = 0; c < 3; c++) {
      sum[c]! += lab[c]!;
      squares[c]! += lab[c]! * lab[c]!;
    }
  }
  const mean = sum.map((s) => (n ? s / n : 0)) as Lab;
  const spread = squares.map((s, c) =>
    n ? Math.sqrt(Math.max(0, s / n - mean[c]! * mean[c]!)) : 0,
  ) as Lab;
  return { mean, spread, count: n };
}

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

/** The clamped transfer taking the result's statistics (`from`) to the original's (`to`). */
export function colourTransfer(from: LabStats, to: LabStats): ColourTransfer {
  const scale = [0, 1, 2].map((c) =>
    from.spread[c]! < 1 || to.spread[c]! < 1
      ? 1 // too flat to measure a spread: match the mean only
      : clamp(to.spread[c]! / from.spread[c]!, SPREAD_RATIO.min, SPREAD_RATIO.max),
  ) as Lab;
  const shift = [0, 1, 2].map((c) =>
    clamp(to.mean[c]! - from.mean[c]!, -MAX_MEAN_SHIFT[c]!, MAX_MEAN_SHIFT[c]!),
  ) as Lab;
  return { pivot: from.mean, scale, shift };
}

const NODES = 33;
const STEP = 255 / (NODES - 1);

/** The transfer as an RGB → RGB table, NODES³ entries of 3 floats. */
export function transferTable(t: ColourTransfer): Float32Array {
  const table = new Float32Array(NODES * NODES * NODES * 3);
  let k = 0;
  for (let r = 0; r < NODES; r++) {
    for (let g = 0; g < NODES; g++) {
      for (let b = 0; b < NODES; b++) {
        const lab = rgbToLab(Math.round(r * STEP), Math.round(g * STEP), Math.round(b * STEP));
        const out = labToRgb(
          (lab[0] - t.pivot[0]) * t.scale[0] + t.pivot[0] + t.shift[0],
          (lab[1] - t.pivot[1]) * t.scale[1] + t.pivot[1] + t.shift[1],
          (lab[2] - t.pivot[2]) * t.scale[2] + t.pivot[2] + t.shift[2],
        );
        table[k++] = out[0];
        table[k++] = out[1];
        table[k++] = out[2];
      }
    }
  }
  return table;
}

// For each byte value: the table node below it and how far towards the next one.
const NODE_BELOW = new Int32Array(256);
const FRACTION = new Float32Array(256);
for (let v = 0; v < 256; v++) {
  const node = Math.min(NODES - 2, Math.floor(v / STEP));
  NODE_BELOW[v] = node;
  FRACTION[v] = v / STEP - node;
}

/** Looks one RGBA pixel (at byte offset i) up in the table; writes RGB floats to `out`. */
export function lookUp(table: Float32Array, rgba: ArrayLike<number>, i: number, out: Float32Array) {
  const r0 = NODE_BELOW[rgba[i]!]!;
  const g0 = NODE_BELOW[rgba[i + 1]!]!;
  const b0 = NODE_BELOW[rgba[i + 2]!]!;
  const fr = FRACTION[rgba[i]!]!;
  const fg = FRACTION[rgba[i + 1]!]!;
  const fb = FRACTION[rgba[i + 2]!]!;
  const base = ((r0 * NODES + g0) * NODES + b0) * 3;
  const dR = NODES * NODES * 3;
  const dG = NODES * 3;
  for (let c = 0; c < 3; c++) {
    const p = base + c;
    const c00 = table[p]! + (table[p + 3]! - table[p]!) * fb;
    const c01 = table[p + dG]! + (table[p + dG + 3]! - table[p + dG]!) * fb;
    const c10 = table[p + dR]! + (table[p + dR + 3]! - table[p + dR]!) * fb;
    const c11 = table[p + dR + dG]! + (table[p + dR + dG + 3]! - table[p + dR + dG]!) * fb;
    const c0 = c00 + (c01 - c00) * fg;
    const c1 = c10 + (c11 - c10) * fg;
    out[c] = c0 + (c1 - c0) * fr;
  }
}
