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

/** Distance from `p` to the segment a–b. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

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
  const segments =
    points.length === 1
      ? [[points[0]!, points[0]!]]
      : points.slice(1).map((p, i) => [points[i]!, p]);
  for (let y = 0; y < rect.height; y++) {
    for (let x = 0; x < rect.width; x++) {
      const p = { x: rect.x + x + 0.5, y: rect.y + y + 0.5 };
      let distance = Infinity;
      for (const [a, b] of segments) distance = Math.min(distance, segmentDistance(p, a!, b!));
      const coverage = Math.round(softCoverage(distance, size, hardness) * 255);
      if (coverage === 0) continue;
      const i = (y * rect.width + x) * 4;
      const alpha = data[i + 3]!;
      if (erase) {
        data[i + 3] = Math.min(alpha, 255 - coverage);
      } else if (coverage > alpha) {
        data[i] = rgb[0];
        data[i + 1] = rgb[1];
        data[i + 2] = rgb[2];
        data[i + 3] = coverage;
      }
    }
  }
}
