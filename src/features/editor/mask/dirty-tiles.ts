/**
 * Which 256² tiles of the mask changed since they were last taken: what the session's stroke
 * journal reads and stores the moment a stroke ends, so a reload at once keeps it.
 */
import { TILE_SIZE } from './mask-history.ts';
import type { Rect } from './paint-canvas.ts';

export class DirtyTiles {
  private readonly keys = new Set<number>();
  private readonly columns: number;
  private readonly rows: number;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {
    this.columns = Math.ceil(width / TILE_SIZE);
    this.rows = Math.ceil(height / TILE_SIZE);
  }

  /** Marks every tile `rect` overlaps (parts outside the mask are ignored). */
  mark(rect: Rect): void {
    const tx0 = Math.max(0, Math.floor(rect.x / TILE_SIZE));
    const ty0 = Math.max(0, Math.floor(rect.y / TILE_SIZE));
    const tx1 = Math.min(this.columns - 1, Math.floor((rect.x + rect.width - 1) / TILE_SIZE));
    const ty1 = Math.min(this.rows - 1, Math.floor((rect.y + rect.height - 1) / TILE_SIZE));
    for (let ty = ty0; ty <= ty1; ty++) {
      for (let tx = tx0; tx <= tx1; tx++) this.keys.add(ty * this.columns + tx);
    }
  }

  markAll(): void {
    this.mark({ x: 0, y: 0, width: this.width, height: this.height });
  }

  /** The marked tiles' rects, in row order, and forgets them. */
  take(): Rect[] {
    const rects = [...this.keys]
      .sort((a, b) => a - b)
      .map((key) => {
        const x = (key % this.columns) * TILE_SIZE;
        const y = Math.floor(key / this.columns) * TILE_SIZE;
        return {
          x,
          y,
          width: Math.min(TILE_SIZE, this.width - x),
          height: Math.min(TILE_SIZE, this.height - y),
        };
      });
    this.keys.clear();
    return rects;
  }
}
