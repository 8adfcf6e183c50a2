import { describe, expect, it } from 'vitest';
import { splineSegment, stepFor, StrokeSmoother } from './stroke-path.ts';
import { PointerBatcher, type FrameScheduler } from './pointer-batcher.ts';

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('stroke interpolation', () => {
  it('subdivides a segment into steps no longer than maxStep, ending on the sample', () => {
    const p1 = { x: 0, y: 0 };
    const p2 = { x: 1000, y: 300 };
    const points = splineSegment(p1, p1, p2, p2, 4);
    expect(points[points.length - 1]).toEqual(p2);
    let prev = p1;
    for (const p of points) {
      expect(dist(prev, p)).toBeLessThanOrEqual(4);
      prev = p;
    }
  });

  it('keeps collinear samples on their line', () => {
    const pts = [0, 100, 200, 300].map((x) => ({ x, y: 2 * x }));
    for (const p of splineSegment(pts[0]!, pts[1]!, pts[2]!, pts[3]!, 2)) {
      expect(p.y).toBeCloseTo(2 * p.x, 6);
    }
  });

  it('curves through a corner instead of cutting it with a straight line', () => {
    // An arch: up from (0,100), across the top from (100,0) to (200,0), down to (300,100).
    const curve = splineSegment(
      { x: 0, y: 100 },
      { x: 100, y: 0 },
      { x: 200, y: 0 },
      { x: 300, y: 100 },
      2,
    );
    const mid = curve[Math.floor(curve.length / 2)]!;
    // The chord runs along y = 0; the spline bulges above it, as the hand did.
    expect(mid.y).toBeLessThan(-5);
  });

  it('the live smoother lags one sample and finish() completes the stroke', () => {
    const s = new StrokeSmoother(1);
    s.start({ x: 0, y: 0 });
    expect(s.add({ x: 10, y: 0 })).toEqual([]);
    const first = s.add({ x: 20, y: 0 });
    expect(first[first.length - 1]).toEqual({ x: 10, y: 0 });
    const tail = s.finish();
    expect(tail[tail.length - 1]).toEqual({ x: 20, y: 0 });
  });

  it('steps are finer for thin brushes, never under one pixel', () => {
    expect(stepFor(1)).toBe(1);
    expect(stepFor(20)).toBe(5);
    expect(stepFor(512)).toBe(8);
  });
});

describe('PointerBatcher', () => {
  function manualFrames() {
    const queue = new Map<number, () => void>();
    let next = 1;
    const frames: FrameScheduler = {
      request: (cb) => {
        queue.set(next, cb);
        return next++;
      },
      cancel: (h) => queue.delete(h),
    };
    const tick = () => {
      const cbs = [...queue.values()];
      queue.clear();
      cbs.forEach((cb) => cb());
    };
    return { frames, tick, pending: () => queue.size };
  }

  it('delivers all samples of a frame together, once per frame', () => {
    const { frames, tick, pending } = manualFrames();
    const flushed: number[][] = [];
    const b = new PointerBatcher<number>((s) => flushed.push(s), frames);
    b.push(1);
    b.push(2, 3);
    expect(pending()).toBe(1);
    expect(flushed).toEqual([]);
    tick();
    expect(flushed).toEqual([[1, 2, 3]]);
    tick();
    expect(flushed).toHaveLength(1);
  });

  it('flush() delivers immediately (pointer up) and discard() drops', () => {
    const { frames, tick } = manualFrames();
    const flushed: number[][] = [];
    const b = new PointerBatcher<number>((s) => flushed.push(s), frames);
    b.push(1);
    b.flush();
    expect(flushed).toEqual([[1]]);
    b.push(2);
    b.discard();
    tick();
    expect(flushed).toEqual([[1]]);
  });
});
