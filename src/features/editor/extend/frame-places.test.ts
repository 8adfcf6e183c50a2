import { describe, expect, it } from 'vitest';
import { describeFrames, framePlace } from './frame-places.ts';

// A 512² picture in the middle of a 2048×512 canvas, made in three 1536×512 frames.
const original = { x: 768, y: 0, width: 512, height: 512 };
const middle = { x: 256, y: 0, width: 1536, height: 512 };
const left = { x: 0, y: 0, width: 1536, height: 512 };
const right = { x: 512, y: 0, width: 1536, height: 512 };

describe('where an extend’s frames are, in words', () => {
  it('names a frame by the side of the picture it lies on', () => {
    expect(framePlace(middle, original)).toBe('around the picture');
    expect(framePlace(left, original)).toBe('on the left');
    expect(framePlace(right, original)).toBe('on the right');
    expect(
      framePlace({ x: 0, y: 0, width: 512, height: 512 }, { ...original, x: 512, y: 512 }),
    ).toBe('at the top left');
    expect(framePlace({ x: 0, y: 512, width: 512, height: 512 }, { ...original, x: 0, y: 0 })).toBe(
      'at the bottom',
    );
  });

  it('says one frame, several on different sides, and several on one side', () => {
    expect(describeFrames([right], original)).toBe('the frame on the right');
    expect(describeFrames([left, right], original)).toBe('the frames on the left and on the right');
    expect(describeFrames([middle, left, right], original)).toBe(
      'the frames around the picture, on the left and on the right',
    );
    const farRight = { ...right, x: 1024 };
    expect(describeFrames([right, farRight], original)).toBe('the two frames on the right');
    expect(describeFrames([left, right, farRight], original)).toBe(
      'the frame on the left and the two frames on the right',
    );
  });
});
