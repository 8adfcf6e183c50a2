import { describe, expect, it } from 'vitest';
import { tilePicture } from './tile-picture.ts';

const size = (width: number, height: number) => ({ width, height });
const sharp = (width: number, height: number) => ({ draw: 'sharp', size: size(width, height) });
const THUMBNAIL = size(384, 384);

describe('tilePicture', () => {
  it('asks for a Large tile on a 2x screen at its device pixels, not the 384 px thumbnail', () => {
    expect(tilePicture(size(674, 674), size(1024, 1024), THUMBNAIL, THUMBNAIL)).toEqual(
      sharp(674, 674),
    );
  });

  it('fits a wide image inside the square tile', () => {
    const thumbnail = size(384, 256);
    expect(tilePicture(size(674, 674), size(1536, 1024), thumbnail, thumbnail)).toEqual(
      sharp(674, 449),
    );
  });

  it('asks for nothing where the thumbnail covers the tile (small tiles, 1x screens)', () => {
    expect(tilePicture(size(240, 240), size(1024, 1024), THUMBNAIL, THUMBNAIL)).toBeNull();
    expect(tilePicture(size(337, 337), size(4096, 4096), THUMBNAIL, THUMBNAIL)).toBeNull();
  });

  it('never asks for more pixels than the image has', () => {
    const small = size(256, 256);
    expect(tilePicture(size(674, 674), small, small, small)).toBeNull();
    expect(tilePicture(size(674, 674), size(500, 500), THUMBNAIL, THUMBNAIL)).toEqual(
      sharp(500, 500),
    );
  });

  it('does not redo a sharp picture for a pixel of rounding', () => {
    expect(tilePicture(size(675, 675), size(1024, 1024), THUMBNAIL, size(674, 674))).toBeNull();
    expect(tilePicture(size(673, 673), size(1024, 1024), THUMBNAIL, size(674, 674))).toBeNull();
    expect(tilePicture(size(700, 700), size(1024, 1024), THUMBNAIL, size(674, 674))).toEqual(
      sharp(700, 700),
    );
  });

  it('goes back to the thumbnail once it covers the tile again (Large, then Small)', () => {
    expect(tilePicture(size(240, 240), size(1024, 1024), THUMBNAIL, size(674, 674))).toEqual({
      draw: 'thumbnail',
    });
  });

  it('follows a shrinking tile down: no tile keeps a picture larger than it', () => {
    expect(tilePicture(size(500, 500), size(1024, 1024), THUMBNAIL, size(674, 674))).toEqual(
      sharp(500, 500),
    );
  });

  it('asks for nothing while the tile has no size', () => {
    expect(tilePicture(size(0, 0), size(1024, 1024), THUMBNAIL, size(674, 674))).toBeNull();
  });
});
