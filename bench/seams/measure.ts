/**
 * The seam measures (issue 12): how visible the edge of a composed edit is, and whether the
 * picture beyond it is untouched.
 *
 * - seamStep: across a region's boundary, the mean colour difference (CIE76 ΔE in Lab)
 *   between the 4 pixels just inside and the 4 just outside, along the boundary's normal
 *   (every horizontal and vertical boundary crossing); averaging over strips keeps pixel
 *   noise from passing for a seam. Reported relative to the same measure in the original,
 *   so a picture's own edges and gradients count as 1.
 * - beyond: how far the picture farther than the band from the edit is from the original:
 *   pixels that differ and their mean absolute difference (must be 0 and 0).
 */
import { rgbToLab } from '../../src/lib/compose/lab.ts';

const DEPTH = 4;

export function seamStep(rgba: ArrayLike<number>, region: Uint8Array, width: number): number {
  const height = region.length / width;
  const lab = (p: number) => rgbToLab(rgba[p * 4]!, rgba[p * 4 + 1]!, rgba[p * 4 + 2]!);
  const mean = (start: number, step: number) => {
    const sum = [0, 0, 0];
    for (let k = 0; k < DEPTH; k++) {
      const c = lab(start + k * step);
      for (let i = 0; i < 3; i++) sum[i]! += c[i]!;
    }
    return sum.map((v) => v / DEPTH);
  };
  let total = 0;
  let crossings = 0;
  const cross = (inside: number, step: number) => {
    const a = mean(inside, -step);
    const b = mean(inside + step, step);
    total += Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
    crossings++;
  };
  for (let y = DEPTH; y < height - DEPTH; y++) {
    for (let x = DEPTH; x < width - DEPTH - 1; x++) {
      const p = y * width + x;
      if (region[p] !== region[p + 1]) cross(region[p] ? p : p + 1, region[p] ? 1 : -1);
      const below = p + width;
      if (y < height - DEPTH - 1 && region[p] !== region[below]) {
        cross(region[p] ? p : below, region[p] ? width : -width);
      }
    }
  }
  return crossings ? total / crossings : 0;
}

export function beyond(a: ArrayLike<number>, b: ArrayLike<number>, keep: (p: number) => boolean) {
  let differing = 0;
  let sum = 0;
  let count = 0;
  for (let p = 0; p < a.length / 4; p++) {
    if (!keep(p)) continue;
    count++;
    let d = 0;
    for (let c = 0; c < 4; c++) d += Math.abs(a[p * 4 + c]! - b[p * 4 + c]!);
    if (d) differing++;
    sum += d / 4;
  }
  return { differing, meanDiff: count ? sum / count : 0 };
}
