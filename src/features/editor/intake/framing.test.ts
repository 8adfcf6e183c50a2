import { describe, expect, it } from 'vitest';
import { framingFor } from './framing.ts';

const anySize = { square: false, sizes: ['1024x1024', '1536x1024', 'auto'] };
const squareOnly = { square: true, sizes: ['256x256', '512x512', '1024x1024'] };

describe('framingFor', () => {
  it('takes the whole image for a model that takes any shape, scaled to the editor’s 4096 px', () => {
    expect(framingFor({ width: 8000, height: 4000 }, anySize, null)).toEqual({
      width: 4096,
      height: 2048,
      originX: 0,
      originY: 0,
      scale: 8000 / 4096,
    });
    expect(framingFor({ width: 1200, height: 800 }, anySize, null)).toMatchObject({
      width: 1200,
      height: 800,
      scale: 1,
    });
  });

  it('stops at the crop-or-pad step for a non-square image and a square-only model', () => {
    expect(framingFor({ width: 1600, height: 900 }, squareOnly, null)).toBe('square step');
  });

  it('needs no step for a square image, shrunk to the model’s largest size', () => {
    expect(framingFor({ width: 2048, height: 2048 }, squareOnly, null)).toMatchObject({
      width: 1024,
      height: 1024,
      scale: 2,
    });
  });

  it('frames the square the designer chose: the crop as placed, or the whole image padded', () => {
    const crop = { kind: 'crop', crop: { x: 300, y: 0, side: 900 } } as const;
    expect(framingFor({ width: 1600, height: 900 }, squareOnly, crop)).toEqual({
      width: 900,
      height: 900,
      originX: 300,
      originY: 0,
      scale: 1,
    });
    expect(framingFor({ width: 1600, height: 900 }, squareOnly, { kind: 'pad' })).toEqual({
      width: 1024,
      height: 1024,
      originX: 0,
      originY: -350,
      scale: 1600 / 1024,
    });
  });
});
