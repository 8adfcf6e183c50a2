/**
 * Stroke interpolation. Pointer samples arrive far apart when the view is zoomed out or the
 * hand moves fast; joining them with straight lines gives a polygon. A Catmull-Rom spline
 * through the samples, subdivided finely in image pixels, keeps strokes round at any zoom.
 */
import type { Point } from '../mask/mask-model.ts';

/** Subdivision step in image pixels: finer for thin brushes, never finer than 1 px. */
export function stepFor(brushSize: number): number {
  return Math.max(1, Math.min(8, brushSize / 4));
}

/**
 * Points on the curve from p1 to p2 (p1 excluded, p2 included), using p0 and p3 as the
 * neighbours that shape it, each at most `maxStep` apart.
 */
export function splineSegment(
  p0: Point,
  p1: Point,
  p2: Point,
  p3: Point,
  maxStep: number,
): Point[] {
  const at = (t: number): Point => {
    const t2 = t * t;
    const t3 = t2 * t;
    const c = (a: number, b: number, c: number, d: number) =>
      0.5 *
      (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
    return { x: c(p0.x, p1.x, p2.x, p3.x), y: c(p0.y, p1.y, p2.y, p3.y) };
  };
  // The curve moves faster mid-segment than at its ends, so steps are sized from a coarse
  // measure of its length rather than from the chord, with room for uneven speed.
  let length = 0;
  let prev = p1;
  for (let i = 1; i <= 8; i++) {
    const p = at(i / 8);
    length += Math.hypot(p.x - prev.x, p.y - prev.y);
    prev = p;
  }
  const steps = Math.max(1, Math.ceil((length * 1.25) / maxStep));
  const out: Point[] = [];
  for (let i = 1; i < steps; i++) out.push(at(i / steps));
  out.push({ x: p2.x, y: p2.y });
  return out;
}

/**
 * Incremental smoothing for a live stroke: feed samples as they arrive, get the points that
 * are now final. The curve lags one sample (a segment needs the sample after it); finish()
 * returns the tail.
 */
export class StrokeSmoother {
  private samples: Point[] = [];

  constructor(private readonly maxStep: number) {}

  start(p: Point): void {
    this.samples = [p];
  }

  add(p: Point): Point[] {
    const last = this.samples[this.samples.length - 1];
    // Samples closer than a tenth of a pixel add nothing but noise to the spline.
    if (last && Math.hypot(p.x - last.x, p.y - last.y) < 0.1) return [];
    this.samples.push(p);
    const n = this.samples.length;
    if (n < 3) return [];
    // Segment samples[n-3] → samples[n-2] is now shaped on both sides.
    return this.segment(n - 3);
  }

  finish(): Point[] {
    const n = this.samples.length;
    if (n < 2) return [];
    return this.segment(n - 2);
  }

  private segment(i: number): Point[] {
    const s = this.samples;
    const p1 = s[i]!;
    const p2 = s[i + 1]!;
    const p0 = s[i - 1] ?? p1;
    const p3 = s[i + 2] ?? p2;
    return splineSegment(p0, p1, p2, p3, this.maxStep);
  }
}
