/**
 * The undo capture worker: reads the mask's tiles from a snapshot taken before a selection
 * lands and packs them for the undo history, so the main thread does not read 16 million
 * pixels back (for a 4096x4096 mask that read is the slowest part of a selection).
 */
import { exposeApi } from '../../../lib/worker-expose.ts';
import { packAlpha, tilesOf, type CapturedTile } from '../mask/mask-history.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import { tilesOfRects } from './rect-tiles.ts';
import type { SelectionRects } from './selection-rects.ts';

const api = {
  captureRects,
  /** The tiles of `rect` as they are in `snapshot` (which this closes). */
  async captureTiles(snapshot: ImageBitmap, rect: Rect): Promise<CapturedTile[]> {
    try {
      const { width, height } = snapshot;
      const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2D canvas in the worker');
      ctx.drawImage(snapshot, 0, 0);
      return tilesOf(rect, width, height).map(({ key, rect: tile }) => {
        const { data } = ctx.getImageData(tile.x, tile.y, tile.width, tile.height);
        const alpha = new Uint8Array(tile.width * tile.height);
        for (let i = 0; i < alpha.length; i++) alpha[i] = data[i * 4 + 3]!;
        return { key, rect: tile, alpha: packAlpha(alpha) };
      });
    } finally {
      snapshot.close();
    }
  },
};

/** The same for a mask known to be exactly `rects`, from them alone (rect-tiles.ts). */
async function captureRects(
  rects: SelectionRects,
  width: number,
  height: number,
): Promise<CapturedTile[]> {
  return tilesOfRects(rects, width, height);
}

export type CaptureWorkerApi = typeof api;

exposeApi(api);
