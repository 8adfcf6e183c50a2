import { describe, expect, it } from 'vitest';
import { sharpPreviewSize } from './sharp-preview-size.ts';

const size = (width: number, height: number) => ({ width, height });

describe('sharpPreviewSize', () => {
  it('asks for a Large tile on a 2x screen at its device pixels, not the 384 px thumbnail', () => {
    expect(sharpPreviewSize(size(674, 674), size(1024, 1024), size(384, 384))).toEqual(
      size(674, 674),
    );
  });

  it('fits a wide image inside the square tile', () => {
    expect(sharpPreviewSize(size(674, 674), size(1536, 1024), size(384, 256))).toEqual(
      size(674, 449),
    );
  });

  it('asks for nothing where the thumbnail covers the tile (small tiles, 1x screens)', () => {
    expect(sharpPreviewSize(size(240, 240), size(1024, 1024), size(384, 384))).toBeNull();
    expect(sharpPreviewSize(size(337, 337), size(4096, 4096), size(384, 384))).toBeNull();
  });

  it('never asks for more pixels than the image has', () => {
    expect(sharpPreviewSize(size(674, 674), size(256, 256), size(256, 256))).toBeNull();
    expect(sharpPreviewSize(size(674, 674), size(500, 500), size(384, 384))).toEqual(
      size(500, 500),
    );
  });

  it('does not redo a sharp picture for a pixel of rounding', () => {
    expect(sharpPreviewSize(size(675, 675), size(1024, 1024), size(674, 674))).toBeNull();
    expect(sharpPreviewSize(size(700, 700), size(1024, 1024), size(674, 674))).toEqual(
      size(700, 700),
    );
  });

  it('asks for nothing while the tile has no size', () => {
    expect(sharpPreviewSize(size(0, 0), size(1024, 1024), size(384, 384))).toBeNull();
  });
});
