import { describe, expect, it } from 'vitest';
import { packAlpha, tilesOf, TILE_SIZE } from '../mask/mask-history.ts';
import { MaskModel } from '../mask/mask-model.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';
import { tilesOfRects } from './rect-tiles.ts';
import { fillRects } from './selection-rects.ts';

/** The tiles as the capture worker reads them from the mask's pixels. */
function readTiles(mask: MaskModel) {
  return tilesOf(
    { x: 0, y: 0, width: mask.width, height: mask.height },
    mask.width,
    mask.height,
  ).map(({ key, rect }) => ({ key, rect, alpha: packAlpha(mask.readAlpha(rect)) }));
}

describe('undo tiles from the rectangles the wand drew', () => {
  it('equal the tiles read back from a mask painted with them', () => {
    // 2.5 x 2 tiles: a rectangle over a whole tile, ones across tile edges, a thin one, none.
    const width = TILE_SIZE * 2 + TILE_SIZE / 2;
    const height = TILE_SIZE * 2;
    const rects = Int32Array.from(
      [
        [0, 0, TILE_SIZE, TILE_SIZE], // exactly tile 0: full
        [TILE_SIZE + 10, 20, TILE_SIZE + 30, 40], // across tiles 1 and 2
        [5, TILE_SIZE + 3, 1, 100], // one column in tile 3
        [TILE_SIZE * 2, TILE_SIZE * 2 - 1, TILE_SIZE / 2, 1], // the last row of the last tile
      ].flat(),
    );
    const mask = new MaskModel(width, height, nodeCanvas);
    mask.paintShape('Magic wand', { x: 0, y: 0, width, height }, 'paint', (ctx) =>
      fillRects(ctx, rects),
    );
    const fromRects = tilesOfRects(rects, width, height);
    expect(fromRects).toEqual(readTiles(mask));
    expect(fromRects.map((t) => ('fill' in t.alpha ? t.alpha.fill : 'mixed'))).toEqual([
      255,
      'mixed',
      'mixed',
      'mixed',
      0,
      'mixed',
    ]);
    expect(tilesOfRects(new Int32Array(0), width, height).every((t) => 'fill' in t.alpha)).toBe(
      true,
    );
  });
});
