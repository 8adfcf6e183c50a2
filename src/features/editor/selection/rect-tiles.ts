/**
 * The undo history's "before" of a mask that is exactly a set of rectangles — the wand's last
 * replace, untouched since — packed straight from them: no snapshot, no pixel read back.
 * Clicking around with the wand (each click replacing the last) is the common case, and for a
 * 4096x4096 mask it made the capture the slowest part of a click. Pure; runs in the capture
 * worker.
 */
import { packAlpha, tilesOf, TILE_SIZE, type CapturedTile } from '../mask/mask-history.ts';
import type { SelectionRects } from './selection-rects.ts';

/** The mask's tiles when it is opaque on `rects` (which do not overlap) and clear elsewhere. */
export function tilesOfRects(rects: SelectionRects, width: number, height: number): CapturedTile[] {
  const columns = Math.ceil(width / TILE_SIZE);
  const tiles = tilesOf({ x: 0, y: 0, width, height }, width, height);
  const covered = new Float64Array(tiles.length);
  const inTile: number[][] = tiles.map(() => []);
  for (let i = 0; i < rects.length; i += 4) {
    const [x, y, w, h] = [rects[i]!, rects[i + 1]!, rects[i + 2]!, rects[i + 3]!];
    for (let ty = Math.floor(y / TILE_SIZE); ty * TILE_SIZE < y + h; ty++) {
      for (let tx = Math.floor(x / TILE_SIZE); tx * TILE_SIZE < x + w; tx++) {
        const key = ty * columns + tx;
        const cw = Math.min(x + w, (tx + 1) * TILE_SIZE) - Math.max(x, tx * TILE_SIZE);
        const ch = Math.min(y + h, (ty + 1) * TILE_SIZE) - Math.max(y, ty * TILE_SIZE);
        covered[key]! += cw * ch;
        inTile[key]!.push(i);
      }
    }
  }
  return tiles.map(({ key, rect }) => {
    const area = rect.width * rect.height;
    // Rectangles do not overlap, so the covered area alone says empty or full.
    if (covered[key] === 0) return { key, rect, alpha: { fill: 0 } };
    if (covered[key] === area) return { key, rect, alpha: { fill: 255 } };
    const alpha = new Uint8Array(area);
    for (const i of inTile[key]!) {
      const x0 = Math.max(rects[i]!, rect.x) - rect.x;
      const x1 = Math.min(rects[i]! + rects[i + 2]!, rect.x + rect.width) - rect.x;
      const y0 = Math.max(rects[i + 1]!, rect.y) - rect.y;
      const y1 = Math.min(rects[i + 1]! + rects[i + 3]!, rect.y + rect.height) - rect.y;
      for (let y = y0; y < y1; y++) alpha.fill(255, y * rect.width + x0, y * rect.width + x1);
    }
    return { key, rect, alpha: packAlpha(alpha) };
  });
}
