/**
 * Mask refinement as plain functions over a region: a Uint8Array with one byte per image
 * pixel, 1 where the mask (or a selection) covers it. Grow, shrink and feather are measured
 * with the exact distance transform, so "grow by 10 px" adds a true 10 px rim, round at the
 * corners, and the image's own border is never treated as an edge of the region.
 *
 * Painted coverage (0..255, the paint canvas's alpha) becomes a region at half coverage,
 * the threshold the editor's API export uses, so what these functions see is what would be
 * sent.
 */
import type { Box as Rect } from '../image-geometry.ts';
import { distanceToSites } from './distance-field.ts';

export type Region = Uint8Array;

/** A pixel at least half covered counts as painted (the editor's mask export uses it too). */
export const HALF_COVERED = 128;

/** Coverage (alpha 0..255, 255 = painted) → region, at the export's threshold. */
export function regionFromCoverage(coverage: ArrayLike<number>): Region {
  const region = new Uint8Array(coverage.length);
  for (let p = 0; p < region.length; p++) region[p] = coverage[p]! >= HALF_COVERED ? 1 : 0;
  return region;
}

/** The smallest rectangle holding the whole region, or null when it is empty. */
export function regionBounds(region: Region, width: number): Rect | null {
  let x0 = width;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  const height = region.length / width;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (!region[row + x]) continue;
      if (first < 0) first = x;
      last = x;
    }
    if (first < 0) continue;
    if (y < y0) y0 = y;
    y1 = y;
    if (first < x0) x0 = first;
    if (last > x1) x1 = last;
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

export function regionArea(region: Region): number {
  let count = 0;
  for (let p = 0; p < region.length; p++) count += region[p]!;
  return count;
}

/** A rectangle grown by `margin` on every side and clipped to the image. */
export function expandRect(rect: Rect, margin: number, width: number, height: number): Rect {
  const x0 = Math.max(0, rect.x - margin);
  const y0 = Math.max(0, rect.y - margin);
  const x1 = Math.min(width, rect.x + rect.width + margin);
  const y1 = Math.min(height, rect.y + rect.height + margin);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * For pixels near the region, their distance to it: `outside`, how far each pixel outside is
 * from the nearest region pixel; `inside`, how far each region pixel is from the nearest
 * pixel outside. Answers cover `rect`, the region's bounds plus `reach` + 1 pixels (beyond
 * it every pixel is farther than `reach` from the region); null for an empty region.
 */
export function distanceField(
  region: Region,
  width: number,
  reach: number,
  side: 'inside' | 'outside',
): { rect: Rect; distances: Float32Array } | null {
  const height = region.length / width;
  const bounds = regionBounds(region, width);
  if (!bounds) return null;
  const rect = expandRect(bounds, Math.ceil(reach) + 1, width, height);
  if (side === 'outside') return { rect, distances: distanceToSites(region, width, rect) };
  const complement = new Uint8Array(region.length);
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let p = y * width + rect.x, end = p + rect.width; p < end; p++) {
      complement[p] = region[p] ? 0 : 1;
    }
  }
  return { rect, distances: distanceToSites(complement, width, rect) };
}

/**
 * The region grown (px > 0) or shrunk (px < 0) by |px| pixels: a pixel joins when its
 * centre is within px of the region; a region pixel leaves when it is within |px| of the
 * outside. 0 returns a copy.
 */
export function growRegion(region: Region, width: number, px: number): Region {
  const out = region.slice();
  if (px === 0) return out;
  const field = distanceField(region, width, Math.abs(px), px > 0 ? 'outside' : 'inside');
  if (!field) return out;
  const { rect, distances } = field;
  const set = px > 0 ? 1 : 0;
  for (let y = 0; y < rect.height; y++) {
    for (let x = 0; x < rect.width; x++) {
      const p = (rect.y + y) * width + rect.x + x;
      if (region[p] !== set && distances[y * rect.width + x]! <= Math.abs(px)) out[p] = set;
    }
  }
  return out;
}

const smoothstep = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

/**
 * A feathered version of the region, 0..255: the edge softened over `radius` pixels either
 * side of it (half covered at the edge itself). For selections and the mask overlay.
 */
export function featherRegion(region: Region, width: number, radius: number): Uint8Array {
  const out = new Uint8Array(region.length);
  for (let p = 0; p < region.length; p++) out[p] = region[p] ? 255 : 0;
  if (radius <= 0) return out;
  const outsideField = distanceField(region, width, radius, 'outside');
  const insideField = distanceField(region, width, radius, 'inside');
  if (!outsideField || !insideField) return out;
  const { rect } = outsideField;
  const outside = outsideField.distances;
  const inside = insideField.distances;
  for (let y = 0; y < rect.height; y++) {
    for (let x = 0; x < rect.width; x++) {
      const r = y * rect.width + x;
      const p = (rect.y + y) * width + rect.x + x;
      // Signed distance from the edge, which lies half a pixel outside the region's pixels.
      const signed = region[p] ? inside[r]! - 0.5 : 0.5 - outside[r]!;
      out[p] = Math.round(255 * smoothstep((signed + radius) / (2 * radius)));
    }
  }
  return out;
}

/**
 * Weights 0..1 that rise from 0 at the region's edge to 1 at `band` pixels inside it
 * (smoothly), 0 everywhere outside. Compose-back blends with these, so nothing beyond the
 * region can change; the feather preview shows them.
 */
export function insideRamp(region: Region, width: number, band: number): Float32Array {
  const out = new Float32Array(region.length);
  for (let p = 0; p < region.length; p++) out[p] = region[p]!;
  if (band <= 0) return out;
  const field = distanceField(region, width, 0, 'inside');
  if (!field) return out;
  const { rect, distances } = field;
  for (let y = 0; y < rect.height; y++) {
    for (let x = 0; x < rect.width; x++) {
      const p = (rect.y + y) * width + rect.x + x;
      if (region[p]) out[p] = smoothstep(distances[y * rect.width + x]! / band);
    }
  }
  return out;
}
