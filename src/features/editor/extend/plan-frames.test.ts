import { describe, expect, it } from 'vitest';
import { rulesFor } from '../../../api/model-lookup.ts';
import {
  centred,
  clampPlacement,
  fitsOneRequest,
  presetCanvas,
  requestSize,
  sizeLimits,
  snapCanvas,
} from './extend-geometry.ts';
import { frameSizes, MIN_KNOWN_SHARE, planFrames } from './plan-frames.ts';

const free = sizeLimits(rulesFor('gpt-image-2', 'edit')!);
const fixed = sizeLimits(rulesFor('gpt-image-1.5', 'edit')!);
const dalle2 = sizeLimits(rulesFor('dall-e-2', 'edit')!);
const square = { width: 1024, height: 1024 };

/** Replays a plan: each frame must see a third of known pixels and the canvas ends covered. */
function replay(
  canvas: { width: number; height: number },
  original: typeof square & { x: number; y: number },
  frames: { x: number; y: number; width: number; height: number }[],
) {
  const known = new Uint8Array(canvas.width * canvas.height);
  for (let y = original.y; y < original.y + original.height; y++)
    known.fill(1, y * canvas.width + original.x, y * canvas.width + original.x + original.width);
  for (const f of frames) {
    expect(f.x).toBeGreaterThanOrEqual(0);
    expect(f.y).toBeGreaterThanOrEqual(0);
    expect(f.x + f.width).toBeLessThanOrEqual(canvas.width);
    expect(f.y + f.height).toBeLessThanOrEqual(canvas.height);
    let have = 0;
    for (let y = f.y; y < f.y + f.height; y++)
      for (let x = f.x; x < f.x + f.width; x++) have += known[y * canvas.width + x]!;
    const holdsOriginal =
      f.x <= original.x &&
      f.y <= original.y &&
      f.x + f.width >= original.x + original.width &&
      f.y + f.height >= original.y + original.height;
    if (!holdsOriginal)
      expect(have / (f.width * f.height)).toBeGreaterThanOrEqual(MIN_KNOWN_SHARE - 0.02);
    for (let y = f.y; y < f.y + f.height; y++)
      known.fill(1, y * canvas.width + f.x, y * canvas.width + f.x + f.width);
  }
  return known.every((v) => v === 1);
}

describe('extend geometry', () => {
  it('presets give the smallest canvas of that shape holding the original, in multiples of 16', () => {
    expect(presetCanvas(square, 16, 9)).toEqual({ width: 1824, height: 1024 });
    expect(presetCanvas(square, 9, 16)).toEqual({ width: 1024, height: 1824 });
    expect(presetCanvas({ width: 1536, height: 1024 }, 1, 1)).toEqual({
      width: 1536,
      height: 1536,
    });
    expect(presetCanvas(square, 21, 9)).toEqual({ width: 2384, height: 1024 });
  });

  it('snaps typed sizes to 16 and never below the original', () => {
    expect(snapCanvas({ width: 1530, height: 900 }, square)).toEqual({ width: 1536, height: 1024 });
    expect(snapCanvas({ width: 99999, height: 1024 }, square).width).toBe(8192);
  });

  it('centres the original and keeps it on the canvas when moved', () => {
    const canvas = { width: 1536, height: 1024 };
    expect(centred(square, canvas)).toEqual({ x: 256, y: 0 });
    expect(clampPlacement({ x: 900, y: -5 }, square, canvas)).toEqual({ x: 512, y: 0 });
  });

  it('GPT Image 2 makes 1536x1024 and 2048x1152 in one request; GPT Image 1.5 only its sizes', () => {
    expect(fitsOneRequest({ width: 1536, height: 1024 }, free)).toBe(true);
    expect(fitsOneRequest({ width: 2048, height: 1152 }, free)).toBe(true);
    expect(fitsOneRequest({ width: 4096, height: 1024 }, free)).toBe(false); // past 3:1
    expect(fitsOneRequest({ width: 1536, height: 1024 }, fixed)).toBe(true);
    expect(fitsOneRequest({ width: 2048, height: 1152 }, fixed)).toBe(false);
  });
});

describe('requestSize: a canvas smaller than the model makes', () => {
  it('asks GPT Image 2 for the smallest size of exactly its shape it makes (655,360 pixels and up)', () => {
    expect(requestSize({ width: 768, height: 512 }, free)).toEqual({ width: 1008, height: 672 });
    expect(requestSize({ width: 1536, height: 1024 }, free)).toEqual({ width: 1536, height: 1024 });
    expect(requestSize({ width: 4096, height: 1024 }, free)).toBeNull(); // past 3:1
  });

  it('asks a fixed-size model for its smallest size of the same shape that is not smaller', () => {
    expect(requestSize({ width: 1152, height: 768 }, fixed)).toEqual({ width: 1536, height: 1024 });
    expect(requestSize({ width: 1008, height: 1008 }, dalle2)).toEqual({
      width: 1024,
      height: 1024,
    });
    expect(requestSize({ width: 400, height: 400 }, dalle2)).toEqual({ width: 512, height: 512 });
    expect(requestSize({ width: 1504, height: 1008 }, fixed)).toBeNull(); // no size of that shape
    expect(requestSize({ width: 2048, height: 2048 }, dalle2)).toBeNull(); // never stretched
  });
});

describe('planFrames', () => {
  it('a canvas smaller than a fixed-size model makes is covered by parts of its shapes, asked at its sizes', () => {
    const original = { width: 1000, height: 1000 };
    const canvas = { width: 1504, height: 1008 }; // the default layout for a 1000² picture
    const placed = { ...original, ...centred(original, canvas) };
    const dalle = planFrames(canvas, placed, frameSizes(canvas, dalle2))!;
    // Two 1008² parts asked at 1024², not six 512² frames.
    expect(dalle.map((f) => [f.width, f.height, f.request.width])).toEqual([
      [1008, 1008, 1024],
      [1008, 1008, 1024],
    ]);
    expect(replay(canvas, placed, dalle)).toBe(true);
    const gpt = planFrames(canvas, placed, frameSizes(canvas, fixed))!;
    expect(gpt.every((f) => f.request.width >= f.width)).toBe(true);
    expect(replay(canvas, placed, gpt)).toBe(true);
  });

  it('covers a wide canvas in frames of the model’s sizes, each seeing a third of known pixels', () => {
    const canvas = { width: 3072, height: 1024 };
    const original = { ...square, ...centred(square, canvas) };
    const frames = planFrames(canvas, original, frameSizes(canvas, fixed))!;
    expect(frames.length).toBeGreaterThanOrEqual(2);
    expect(replay(canvas, original, frames)).toBe(true);
  });

  it('takes 1024² to 4096x1024 in three 3072x1024 frames with GPT Image 2 (past 3:1)', () => {
    const canvas = { width: 4096, height: 1024 };
    const original = { ...square, ...centred(square, canvas) };
    const frames = planFrames(canvas, original, frameSizes(canvas, free))!;
    expect(frames.map((f) => [f.width, f.height])).toEqual([
      [3072, 1024],
      [3072, 1024],
      [3072, 1024],
    ]);
    expect(replay(canvas, original, frames)).toBe(true);
  });

  it('beyond GPT Image 2’s limits uses its largest frames', () => {
    const canvas = { width: 4800, height: 1600 };
    const original = { ...square, ...centred(square, canvas) };
    const frames = planFrames(canvas, original, frameSizes(canvas, free))!;
    expect(frames.every((f) => f.width * f.height <= 3840 * 2160)).toBe(true);
    expect(replay(canvas, original, frames)).toBe(true);
  });

  it('a tall canvas for a fixed-size model uses its portrait size', () => {
    const canvas = { width: 1024, height: 2048 };
    const original = { ...square, ...centred(square, canvas) };
    const frames = planFrames(canvas, original, frameSizes(canvas, fixed))!;
    expect(frames.every((f) => f.width === 1024 && f.height === 1536)).toBe(true);
    expect(replay(canvas, original, frames)).toBe(true);
  });
});
