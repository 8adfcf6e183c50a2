import { describe, expect, it } from 'vitest';
import { distanceToSites } from './distance-field.ts';
import {
  featherRegion,
  growRegion,
  insideRamp,
  regionArea,
  regionBounds,
  regionFromCoverage,
  type Region,
} from './coverage-ops.ts';

/** A width x height region with the pixels `inside(x, y)` set. */
function regionOf(width: number, height: number, inside: (x: number, y: number) => boolean) {
  const region = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) region[y * width + x] = inside(x, y) ? 1 : 0;
  return region;
}
const at = (r: Region | Uint8Array | Float32Array, width: number, x: number, y: number) =>
  r[y * width + x]!;

describe('distanceToSites (exact Euclidean distance transform)', () => {
  it('matches brute force on scattered sites', () => {
    const width = 37;
    const height = 23;
    const sites = regionOf(width, height, (x, y) => (x * 7 + y * 13) % 53 === 0);
    const d = distanceToSites(sites, width, { x: 0, y: 0, width, height });
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let best = Infinity;
        for (let p = 0; p < sites.length; p++) {
          if (!sites[p]) continue;
          best = Math.min(best, Math.hypot((p % width) - x, Math.floor(p / width) - y));
        }
        expect(d[y * width + x]).toBeCloseTo(best, 4);
      }
    }
  });

  it('is Infinity where the rectangle holds no site', () => {
    const d = distanceToSites(new Uint8Array(16), 4, { x: 0, y: 0, width: 4, height: 4 });
    expect([...d].every((v) => v === Infinity)).toBe(true);
  });
});

describe('growRegion', () => {
  it('grows one pixel into a true disc: radius 3 holds the 29 pixels within 3 of it', () => {
    const region = regionOf(21, 21, (x, y) => x === 10 && y === 10);
    const grown = growRegion(region, 21, 3);
    expect(regionArea(grown)).toBe(29);
    expect(at(grown, 21, 13, 10)).toBe(1);
    expect(at(grown, 21, 13, 11)).toBe(0); // √10 > 3: the corner is round
  });

  it('shrinks a 10x10 square by 2 to 6x6, and grows it back to a rounded 10x10', () => {
    const square = regionOf(30, 30, (x, y) => x >= 10 && x < 20 && y >= 10 && y < 20);
    const shrunk = growRegion(square, 30, -2);
    expect(regionBounds(shrunk, 30)).toEqual({ x: 12, y: 12, width: 6, height: 6 });
    expect(regionArea(shrunk)).toBe(36);
    const back = growRegion(shrunk, 30, 2);
    expect(regionBounds(back, 30)).toEqual({ x: 10, y: 10, width: 10, height: 10 });
    expect(at(back, 30, 10, 10)).toBe(0); // the corner rounds off
  });

  it('does not treat the image border as an edge when shrinking', () => {
    const corner = regionOf(20, 20, (x, y) => x < 10 && y < 10);
    expect(regionBounds(growRegion(corner, 20, -2), 20)).toEqual({
      x: 0,
      y: 0,
      width: 8,
      height: 8,
    });
  });

  it('leaves an empty region empty and returns a copy for 0', () => {
    const empty = new Uint8Array(25);
    expect(regionArea(growRegion(empty, 5, 4))).toBe(0);
    const one = regionOf(5, 5, (x, y) => x === 2 && y === 2);
    const copy = growRegion(one, 5, 0);
    expect(copy).toEqual(one);
    expect(copy).not.toBe(one);
  });
});

describe('regionFromCoverage', () => {
  it('counts a pixel as painted from half coverage, like the API export', () => {
    expect([...regionFromCoverage([0, 127, 128, 255])]).toEqual([0, 0, 1, 1]);
  });
});

describe('featherRegion', () => {
  // The left half of a 40-wide strip is the region; the edge lies between x = 19 and 20.
  const width = 40;
  const half = regionOf(width, 3, (x) => x < 20);
  it('softens the edge over the radius on both sides, half covered at the edge', () => {
    const soft = featherRegion(half, width, 6);
    const row = [...soft.subarray(width, 2 * width)];
    expect(row[10]).toBe(255);
    expect(row[30]).toBe(0);
    expect(row[19]! + row[20]!).toBeCloseTo(255, -1); // symmetric about the edge
    for (let x = 1; x < width; x++) expect(row[x]!).toBeLessThanOrEqual(row[x - 1]!);
    // Fully covered from `radius` inside the edge, empty from `radius` outside it.
    expect(row[13]).toBe(255);
    expect(row[14]).toBeLessThan(255);
    expect(row[26]).toBe(0);
    expect(row[25]).toBeGreaterThan(0);
  });
});

describe('insideRamp', () => {
  it('is 0 outside, rises inside over the band and reaches 1 beyond it', () => {
    const width = 40;
    const region = regionOf(width, 1, (x) => x >= 10);
    const ramp = insideRamp(region, width, 8);
    expect(ramp[9]).toBe(0);
    expect(ramp[10]).toBeGreaterThan(0);
    expect(ramp[10]).toBeLessThan(0.1);
    expect(ramp[18]).toBe(1);
    expect(ramp[39]).toBe(1); // the image border is not an edge
    for (let x = 11; x < 18; x++) expect(ramp[x]!).toBeGreaterThan(ramp[x - 1]!);
  });
});
