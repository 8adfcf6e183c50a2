/**
 * A soft brush edge. Coverage is full within radius x hardness of the stroke's centre line and
 * falls linearly to 0 at the radius, so the 50 % contour (where the exported mask is cut,
 * export-mask.ts) lies at radius x (1 + hardness) / 2.
 *
 * Coverage is merged by MAXIMUM (erasing: minimum of what is left), not drawn over: a stroke
 * arrives in many short pieces, and alpha drawn over alpha would thicken the fringe at every
 * join (beads). Pure, on RGBA bytes, so it runs in tests without a canvas.
 */
import type { Rect } from './paint-canvas.ts';

interface Point {
  x: number;
  y: number;
}

/** Hardness 1 is the hard round brush; below this the soft path is taken. */
export const HARD = 1;

/** 0..1 coverage at `distance` from the centre line of a brush of `size` and `hardness`. */
export function softCoverage(distance: number, size: number, hardness: number): number {
  const r = size / 2;
  const core = r * Math.max(0, Math.min(1, hardness));
  if (distance <= core) return 1;
  if (distance >= r) return 0;
  return (r - distance) / (r - core);
}

/**
 * Merges a soft stroke through `points` (one point = a dot) into `data`, the RGBA pixels of
 * `rect`, painting `rgb` or erasing.
 *
 * Segment by segment, over only the pixels within the radius of each: merging by maximum
 * makes that the same as taking each pixel's nearest segment (soft-stamp.test.ts checks it
 * against that definition), and it allocates nothing per pixel, so a 512 px brush at 4K
 * stays within a frame (bench `editor`, the soft stroke).
 */
export function stampSoft(
  data: Uint8ClampedArray,
  rect: Rect,
  points: readonly Point[],
  size: number,
  hardness: number,
  erase: boolean,
  rgb: readonly [number, number, number],
): void {
  const from = points.length === 1 ? 0 : 1;
  for (let i = from; i < points.length; i++) {
    stampSegment(data, rect, points[Math.max(0, i - 1)]!, points[i]!, size, hardness, erase, rgb);
  }
}

/** Merges the soft segment a–b (a dot when a = b) into the pixels of `rect` it reaches. */
function stampSegment(
  data: Uint8ClampedArray,
  rect: Rect,
  a: Point,
  b: Point,
  size: number,
  hardness: number,
  erase: boolean,
  rgb: readonly [number, number, number],
): void {
  const r = size / 2;
  const core = r * Math.max(0, Math.min(1, hardness));
  const r2 = r * r;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  // Pixels whose centre can lie within r of the segment, clipped to rect.
  const x0 = Math.max(rect.x, Math.floor(Math.min(a.x, b.x) - r));
  const x1 = Math.min(rect.x + rect.width, Math.ceil(Math.max(a.x, b.x) + r));
  const y0 = Math.max(rect.y, Math.floor(Math.min(a.y, b.y) - r));
  const y1 = Math.min(rect.y + rect.height, Math.ceil(Math.max(a.y, b.y) + r));
  for (let y = y0; y < y1; y++) {
    const py = y + 0.5 - a.y;
    const row = (y - rect.y) * rect.width;
    for (let x = x0; x < x1; x++) {
      const px = x + 0.5 - a.x;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
      const ex = px - t * dx;
      const ey = py - t * dy;
      const d2 = ex * ex + ey * ey;
      if (d2 >= r2) continue;
      const distance = Math.sqrt(d2);
      const coverage = distance <= core ? 255 : Math.round(((r - distance) / (r - core)) * 255);
      if (coverage === 0) continue;
      const i = (row + x - rect.x) * 4;
      const alpha = data[i + 3]!;
      if (erase) {
        if (255 - coverage < alpha) data[i + 3] = 255 - coverage;
      } else if (coverage > alpha) {
        data[i] = rgb[0];
        data[i + 1] = rgb[1];
        data[i + 2] = rgb[2];
        data[i + 3] = coverage;
      }
    }
  }
}
