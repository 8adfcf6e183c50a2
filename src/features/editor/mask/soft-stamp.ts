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

/** Keeps the points p with ux * p.x + uy * p.y >= c. */
interface HalfPlane {
  ux: number;
  uy: number;
  c: number;
}

interface Brush {
  data: Uint8ClampedArray;
  rect: Rect;
  r: number;
  core: number;
  /** Coverage levels lost per pixel of distance across the fringe (r - core). */
  levelsPerPixel: number;
  erase: boolean;
  rgb: readonly [number, number, number];
}

/**
 * Merges a soft stroke into `data`, the RGBA pixels of `rect`, painting `rgb` or erasing.
 * One point is a dot. More points CONTINUE a stroke: `points[0]` is where it already is (an
 * earlier call stamped it), and only what the segments after it add is stamped.
 *
 * Each pixel takes the coverage of its nearest point on the stroke (soft-stamp.test.ts checks
 * that against the plain definition), but no pixel is visited for a part of the stroke that
 * cannot be its nearest: a segment stamps only the band its perpendiculars sweep, a join only
 * the wedge between its two segments' bands, and only the stroke's current end its round cap.
 * A 512 px brush moved 8 px therefore costs a strip of 512 x 8 pixels, not a 520² square,
 * and a whole 4K stroke stays within a frame per pointer move (bench `editor`, soft stroke).
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
  const r = size / 2;
  const core = r * Math.max(0, Math.min(1, hardness));
  const brush: Brush = { data, rect, r, core, levelsPerPixel: 255 / (r - core), erase, rgb };
  if (points.length === 1) {
    stampDisc(brush, points[0]!, []);
    return;
  }
  const path = points.filter(
    (p, i) => i === 0 || p.x !== points[i - 1]!.x || p.y !== points[i - 1]!.y,
  );
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    stampBand(brush, a, b);
    // Pixels nearest to b lie beyond a-b's end; at a join, also before b-c's start.
    const beyond = halfPlane(a, b, 'after');
    const next = path[i + 1];
    stampDisc(brush, b, next ? [beyond, halfPlane(b, next, 'before')] : [beyond]);
  }
}

/** Beyond b ('after') or before a ('before'), across the perpendiculars to segment a-b. */
function halfPlane(a: Point, b: Point, side: 'after' | 'before'): HalfPlane {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  return side === 'after'
    ? { ux: dx, uy: dy, c: dx * b.x + dy * b.y }
    : { ux: -dx, uy: -dy, c: -(dx * a.x + dy * a.y) };
}

/** The pixels whose nearest point on segment a-b is inside it: coverage by their distance across. */
function stampBand(brush: Brush, a: Point, b: Point): void {
  const { rect, r } = brush;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  const nx = -dy / length;
  const ny = dx / length;
  const across = nx * a.x + ny * a.y;
  const planes = [
    { ux: dx, uy: dy, c: dx * a.x + dy * a.y }, // not before a
    { ux: -dx, uy: -dy, c: -(dx * b.x + dy * b.y) }, // not beyond b
    { ux: nx, uy: ny, c: across - r },
    { ux: -nx, uy: -ny, c: -(across + r) },
  ];
  const y0 = Math.max(rect.y, Math.floor(Math.min(a.y, b.y) - r));
  const y1 = Math.min(rect.y + rect.height, Math.ceil(Math.max(a.y, b.y) + r));
  for (let y = y0; y < y1; y++) {
    const cy = y + 0.5;
    const [x0, x1] = rowSpan(planes, cy, rect.x, rect.x + rect.width, null, r);
    const base = ny * cy - across;
    const row = rowStart(brush, y);
    for (let x = x0; x < x1; x++) merge(brush, row + x * 4, Math.abs(nx * (x + 0.5) + base));
  }
}

/** The pixels within the radius of `c` inside every half-plane: coverage by their distance to c. */
function stampDisc(brush: Brush, c: Point, planes: readonly HalfPlane[]): void {
  const { rect, r } = brush;
  const y0 = Math.max(rect.y, Math.floor(c.y - r));
  const y1 = Math.min(rect.y + rect.height, Math.ceil(c.y + r));
  for (let y = y0; y < y1; y++) {
    const dy = y + 0.5 - c.y;
    if (dy * dy >= r * r) continue;
    const half = Math.sqrt(r * r - dy * dy);
    const lo = Math.max(rect.x, Math.floor(c.x - half - 0.5));
    const hi = Math.min(rect.x + rect.width, Math.ceil(c.x + half + 0.5));
    const [x0, x1] = rowSpan(planes, y + 0.5, lo, hi, c, r);
    const row = rowStart(brush, y);
    const dy2 = dy * dy;
    for (let x = x0; x < x1; x++) {
      const dx = x + 0.5 - c.x;
      merge(brush, row + x * 4, Math.sqrt(dx * dx + dy2));
    }
  }
}

/**
 * The columns [x0, x1) of row `cy` inside every half-plane (and, given a centre, the disc of
 * radius r), within [lo, hi). Bounds are solved per plane, widened a pixel against rounding,
 * then trimmed by the exact test: the region is convex, so each row holds one run.
 */
function rowSpan(
  planes: readonly HalfPlane[],
  cy: number,
  lo: number,
  hi: number,
  centre: Point | null,
  r: number,
): [number, number] {
  let x0 = lo;
  let x1 = hi;
  for (const { ux, uy, c } of planes) {
    const rest = c - uy * cy; // keeps ux * (x + 0.5) >= rest
    if (ux > 0) x0 = Math.max(x0, Math.floor(rest / ux - 0.5) - 1);
    else if (ux < 0) x1 = Math.min(x1, Math.ceil(rest / ux - 0.5) + 2);
    else if (rest > 0) return [0, 0];
  }
  while (x0 < x1 && !inside(planes, x0 + 0.5, cy, centre, r)) x0++;
  while (x1 > x0 && !inside(planes, x1 - 0.5, cy, centre, r)) x1--;
  return [x0, x1];
}

function inside(
  planes: readonly HalfPlane[],
  px: number,
  py: number,
  centre: Point | null,
  r: number,
): boolean {
  for (const { ux, uy, c } of planes) if (ux * px + uy * py < c) return false;
  if (!centre) return true;
  const dx = px - centre.x;
  const dy = py - centre.y;
  return dx * dx + dy * dy < r * r;
}

/** The byte index of pixel (0, y) in the brush's data, so that pixel x is at + x * 4. */
function rowStart(brush: Brush, y: number): number {
  return ((y - brush.rect.y) * brush.rect.width - brush.rect.x) * 4;
}

/** Merges the coverage at `distance` into the pixel at byte `i`: by maximum, or erasing by minimum. */
function merge(brush: Brush, i: number, distance: number): void {
  if (distance >= brush.r) return;
  const coverage =
    distance <= brush.core ? 255 : Math.round((brush.r - distance) * brush.levelsPerPixel);
  if (coverage === 0) return;
  const data = brush.data;
  const alpha = data[i + 3]!;
  if (brush.erase) {
    if (255 - coverage < alpha) data[i + 3] = 255 - coverage;
  } else if (coverage > alpha) {
    data[i] = brush.rgb[0];
    data[i + 1] = brush.rgb[1];
    data[i + 2] = brush.rgb[2];
    data[i + 3] = coverage;
  }
}
