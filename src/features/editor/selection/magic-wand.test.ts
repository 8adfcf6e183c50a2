import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../mask/paint-canvas.ts';
import { selectByColour } from './magic-wand.ts';

type Rgba = [number, number, number, number];

/** A picture drawn by a function of the pixel's position. */
function picture(width: number, height: number, colour: (x: number, y: number) => Rgba): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set(colour(x, y), (y * width + x) * 4);
  return { width, height, data };
}

const RED: Rgba = [220, 30, 40, 255];
const BLUE: Rgba = [20, 40, 200, 255];
const contiguous = { tolerance: 0, contiguous: true };

const selectedAt = (s: { data: Uint8Array; width: number }, x: number, y: number) =>
  s.data[y * s.width + x] === 255;

describe('magic wand', () => {
  it('selects exactly the clicked half of a two-colour picture', () => {
    const image = picture(40, 30, (x) => (x < 17 ? RED : BLUE));
    const s = selectByColour(image, { x: 3.6, y: 20.2 }, contiguous);
    expect(s.count).toBe(17 * 30);
    expect(s.bounds).toEqual({ x: 0, y: 0, width: 17, height: 30 });
    expect(selectedAt(s, 16, 29)).toBe(true);
    expect(selectedAt(s, 17, 0)).toBe(false);
    expect(new Set(s.data)).toEqual(new Set([0, 255]));
  });

  it('takes every grey within the tolerance of the clicked one, and no other', () => {
    // Column x is grey x: a tolerance of t around grey 100 takes columns 100-t .. 100+t.
    const image = picture(256, 3, (x) => [x, x, x, 255]);
    const count = (tolerance: number) =>
      selectByColour(image, { x: 100, y: 1 }, { tolerance, contiguous: true }).count;
    expect(count(0)).toBe(3);
    expect(count(1)).toBe(3 * 3);
    expect(count(10)).toBe(21 * 3);
    expect(count(100)).toBe(201 * 3);
    expect(count(160)).toBe(256 * 3); // 0 .. 255: clipped at both ends
    expect(count(255)).toBe(256 * 3);
  });

  it('compares every channel on its own, alpha included', () => {
    const image = picture(
      4,
      1,
      (x) =>
        [
          [100, 100, 100, 255],
          [100, 100, 130, 255], // blue 30 away
          [100, 100, 100, 200], // alpha 55 away
          [100, 100, 100, 255],
        ][x] as Rgba,
    );
    const global = (tolerance: number) =>
      selectByColour(image, { x: 0, y: 0 }, { tolerance, contiguous: false }).count;
    expect(global(29)).toBe(2);
    expect(global(30)).toBe(3);
    expect(global(55)).toBe(4);
  });

  it('contiguous takes the connected region; off, the colour everywhere', () => {
    // Two red squares on blue, apart.
    const inSquare = (x: number, y: number) =>
      y >= 5 && y < 15 && ((x >= 5 && x < 15) || (x >= 25 && x < 35));
    const image = picture(40, 20, (x, y) => (inSquare(x, y) ? RED : BLUE));
    const one = selectByColour(image, { x: 7, y: 7 }, contiguous);
    expect(one.count).toBe(100);
    expect(one.bounds).toEqual({ x: 5, y: 5, width: 10, height: 10 });
    const both = selectByColour(image, { x: 7, y: 7 }, { tolerance: 0, contiguous: false });
    expect(both.count).toBe(200);
    expect(both.bounds).toEqual({ x: 5, y: 5, width: 30, height: 10 });
    const background = selectByColour(image, { x: 0, y: 0 }, contiguous);
    expect(background.count).toBe(40 * 20 - 200);
  });

  it('crosses a 1-pixel-wide bridge, but not a diagonal touch', () => {
    const squares = (x: number, y: number) =>
      y >= 5 && y < 15 && ((x >= 5 && x < 15) || (x >= 25 && x < 35));
    const bridged = picture(40, 20, (x, y) =>
      squares(x, y) || (y === 9 && x >= 15 && x < 25) ? RED : BLUE,
    );
    const s = selectByColour(bridged, { x: 6, y: 14 }, contiguous);
    expect(s.count).toBe(200 + 10);
    expect(selectedAt(s, 30, 6)).toBe(true);
    expect(selectedAt(s, 20, 8)).toBe(false);
    expect(selectedAt(s, 20, 10)).toBe(false);

    // Corner to corner only: red at (x, y) with x === y on a diagonal staircase.
    const diagonal = picture(10, 10, (x, y) => (x === y ? RED : BLUE));
    expect(selectByColour(diagonal, { x: 4, y: 4 }, contiguous).count).toBe(1);
  });

  it('a bridge of a slightly different red joins the squares only within the tolerance', () => {
    const bridgeRed: Rgba = [200, 30, 40, 255]; // 20 away from RED
    const image = picture(40, 20, (x, y) => {
      if (y >= 5 && y < 15 && ((x >= 5 && x < 15) || (x >= 25 && x < 35))) return RED;
      return y === 9 && x >= 15 && x < 25 ? bridgeRed : BLUE;
    });
    const at = (tolerance: number) =>
      selectByColour(image, { x: 10, y: 10 }, { tolerance, contiguous: true }).count;
    expect(at(19)).toBe(100);
    expect(at(20)).toBe(210);
  });

  it('fills around corners the way a pixel-by-pixel search does (random pictures)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 20; round++) {
      const w = 23 + round;
      const h = 17 + (round % 5);
      const palette: Rgba[] = [RED, BLUE, [RED[0] - 8, RED[1], RED[2], 255]];
      const cells = Array.from({ length: w * h }, () => palette[Math.floor(random() * 3)]!);
      const image = picture(w, h, (x, y) => cells[y * w + x]!);
      const start = { x: Math.floor(random() * w), y: Math.floor(random() * h) };
      const tolerance = round % 2 === 0 ? 0 : 8;
      const s = selectByColour(image, start, { tolerance, contiguous: true });
      const expected = referenceFill(image, start, tolerance).map((taken) => (taken ? 255 : 0));
      expect(Array.from(s.data)).toEqual(expected);
    }
  });

  it('refuses a point outside the picture', () => {
    const image = picture(10, 10, () => RED);
    expect(() => selectByColour(image, { x: 10, y: 2 }, contiguous)).toThrow(RangeError);
    expect(() => selectByColour(image, { x: 2, y: -0.5 }, contiguous)).toThrow(RangeError);
  });
});

/** A plain breadth-first search over 4-neighbours: slow and obviously right. */
function referenceFill(image: RgbaImage, start: { x: number; y: number }, t: number): boolean[] {
  const { width, height, data } = image;
  const px = (i: number) => [0, 1, 2, 3].map((c) => data[i * 4 + c]!);
  const ref = px(start.y * width + start.x);
  const like = (i: number) => px(i).every((v, c) => Math.abs(v - ref[c]!) <= t);
  const seen = new Array<boolean>(width * height).fill(false);
  const queue = [[start.x, start.y] as const];
  seen[start.y * width + start.x] = true;
  while (queue.length) {
    const [x, y] = queue.shift()!;
    for (const [nx, ny] of [
      [x + 1, y],
      [x - 1, y],
      [x, y + 1],
      [x, y - 1],
    ] as const) {
      const i = ny * width + nx;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height || seen[i] || !like(i)) continue;
      seen[i] = true;
      queue.push([nx, ny]);
    }
  }
  return seen;
}
