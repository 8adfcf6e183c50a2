import { describe, expect, it } from 'vitest';
import {
  clampView,
  compose,
  fitView,
  imagePointAt,
  placeIn,
  sharedFrame,
  stepScale,
  zoomAt,
  MAX_SCALE,
} from './view-math.ts';

const image = { width: 2048, height: 1152 };
const stage = { width: 1000, height: 800 };

describe('fitView', () => {
  it('shows the whole picture as large as the stage allows, centred', () => {
    const view = fitView(image, stage);
    expect(view.scale).toBeCloseTo(1000 / 2048);
    expect(view.x).toBeCloseTo(0);
    expect(view.y).toBeCloseTo((800 - 1152 * view.scale) / 2);
  });

  it('enlarges a picture smaller than the stage so it fills it', () => {
    expect(fitView({ width: 256, height: 256 }, stage).scale).toBeCloseTo(800 / 256);
  });
});

describe('zoomAt', () => {
  it('keeps the image pixel under the pointer in place', () => {
    const before = fitView(image, stage);
    const anchor = { x: 300, y: 420 };
    const pixel = imagePointAt(before, anchor);
    const after = zoomAt(before, 1, anchor);
    expect(after.scale).toBe(1);
    const again = imagePointAt(after, anchor);
    expect(again.x).toBeCloseTo(pixel.x);
    expect(again.y).toBeCloseTo(pixel.y);
  });

  it(`stops at ${MAX_SCALE * 100}%`, () => {
    expect(zoomAt(fitView(image, stage), 100, { x: 0, y: 0 }).scale).toBe(MAX_SCALE);
  });
});

describe('clampView', () => {
  it('opens no gap between a large picture and the stage edge', () => {
    const view = clampView({ scale: 1, x: 200, y: -5000 }, image, stage);
    expect(view.x).toBe(0);
    expect(view.y).toBe(800 - 1152);
  });

  it('centres a picture smaller than the stage along that axis', () => {
    const view = clampView({ scale: 0.25, x: 0, y: 0 }, image, stage);
    expect(view.x).toBe((1000 - 512) / 2);
    expect(view.y).toBe((800 - 288) / 2);
  });
});

describe('stepScale', () => {
  it('walks the steps with fit in between', () => {
    expect(stepScale(0.49, 0.49, 1)).toBe(0.5);
    expect(stepScale(1, 0.49, -1)).toBe(0.75);
    expect(stepScale(0.75, 0.49, -1)).toBe(0.5);
    expect(stepScale(0.5, 0.49, -1)).toBe(0.49);
  });

  it('treats a pinch that landed a hair under 100% as 100%', () => {
    expect(stepScale(0.9999, 0.3, 1)).toBe(1.5);
  });
});

describe('two pictures of different shapes in one frame', () => {
  const tall = { width: 1024, height: 1536 };
  const wide = { width: 1536, height: 1024 };
  const frame = sharedFrame(tall, wide);

  it('frames both without cropping either', () => {
    expect(frame).toEqual({ width: 1536, height: 1536 });
  });

  it('letterboxes each at its own shape, centred', () => {
    expect(placeIn(frame, tall)).toEqual({ scale: 1, x: 256, y: 0 });
    expect(placeIn(frame, wide)).toEqual({ scale: 1, x: 0, y: 256 });
    // A smaller picture of the same shape is drawn over the same box as the larger.
    expect(placeIn({ width: 1024, height: 1024 }, { width: 512, height: 512 })).toEqual({
      scale: 2,
      x: 0,
      y: 0,
    });
  });

  it('moves and scales a placed picture with the frame', () => {
    const view = { scale: 0.5, x: 10, y: 20 };
    expect(compose(view, placeIn(frame, tall))).toEqual({ scale: 0.5, x: 138, y: 20 });
  });
});
