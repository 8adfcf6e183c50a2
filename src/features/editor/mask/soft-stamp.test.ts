import { describe, expect, it } from 'vitest';
import { softCoverage, stampSoft } from './soft-stamp.ts';

type Point = { x: number; y: number };

/** The plain definition: each pixel takes the coverage of its nearest segment, merged by max. */
function reference(
  data: Uint8ClampedArray,
  rect: { x: number; y: number; width: number; height: number },
  points: Point[],
  size: number,
  hardness: number,
  erase: boolean,
) {
  const segments =
    points.length === 1
      ? [[points[0]!, points[0]!]]
      : points.slice(1).map((p, i) => [points[i]!, p]);
  for (let y = 0; y < rect.height; y++) {
    for (let x = 0; x < rect.width; x++) {
      const px = rect.x + x + 0.5;
      const py = rect.y + y + 0.5;
      let distance = Infinity;
      for (const [a, b] of segments) {
        const dx = b!.x - a!.x;
        const dy = b!.y - a!.y;
        const l2 = dx * dx + dy * dy;
        const t =
          l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a!.x) * dx + (py - a!.y) * dy) / l2));
        distance = Math.min(distance, Math.hypot(px - a!.x - t * dx, py - a!.y - t * dy));
      }
      const coverage = Math.round(softCoverage(distance, size, hardness) * 255);
      if (coverage === 0) continue;
      const i = (y * rect.width + x) * 4;
      if (erase) data[i + 3] = Math.min(data[i + 3]!, 255 - coverage);
      else if (coverage > data[i + 3]!) {
        data.set([1, 2, 3, coverage], i);
      }
    }
  }
}

/** A seeded random walk of `n` points inside a 120×90 area. */
function walk(seed: number, n: number): Point[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () => ({ x: 10 + next() * 100, y: 10 + next() * 70 }));
}

describe('stampSoft', () => {
  it('matches the nearest-segment definition on random strokes, painting and erasing', () => {
    const rect = { x: 3, y: 5, width: 120, height: 90 };
    let differing = 0;
    let painted = 0;
    for (let seed = 1; seed <= 24; seed++) {
      const points = walk(seed, 1 + (seed % 9));
      const size = 6 + seed * 3;
      const hardness = (seed % 9) / 10;
      const erase = seed % 3 === 0;
      const start = new Uint8ClampedArray(rect.width * rect.height * 4);
      if (erase) for (let i = 3; i < start.length; i += 4) start[i] = 255;
      const fast = start.slice();
      const plain = start.slice();
      // As the brush sends it: a dot where the stroke starts, then pieces of random length,
      // each starting where the last one ended.
      stampSoft(fast, rect, [points[0]!], size, hardness, erase, [1, 2, 3]);
      for (let at = 0; at < points.length - 1;) {
        const end = Math.min(points.length - 1, at + 1 + ((seed * 7 + at) % 3));
        stampSoft(fast, rect, points.slice(at, end + 1), size, hardness, erase, [1, 2, 3]);
        at = end;
      }
      reference(plain, rect, points, size, hardness, erase);
      for (let i = 3; i < fast.length; i += 4) {
        if (fast[i] !== start[i]) painted++;
        // sqrt and hypot may round a last bit apart: at most one level, on a rare pixel.
        if (Math.abs(fast[i]! - plain[i]!) > 1) differing++;
      }
    }
    expect(painted).toBeGreaterThan(5000);
    expect(differing).toBe(0);
  });

  it('leaves pixels beyond the radius untouched', () => {
    const rect = { x: 0, y: 0, width: 50, height: 50 };
    const data = new Uint8ClampedArray(50 * 50 * 4);
    stampSoft(data, rect, [{ x: 25, y: 25 }], 20, 0.5, false, [9, 9, 9]);
    const alpha = (x: number, y: number) => data[(y * 50 + x) * 4 + 3]!;
    expect(alpha(25, 25)).toBe(255);
    expect(alpha(25 + 11, 25)).toBe(0);
    expect(alpha(25 + 7, 25)).toBeGreaterThan(0);
    expect(alpha(25 + 7, 25)).toBeLessThan(255);
  });
});
