/**
 * Undo/redo for the mask, bounded in memory.
 *
 * Contract: a change records only the 256x256 tiles it touched, captured just before the
 * first write to each tile (so a stroke pays per new tile, never for the whole image).
 * A tile's alpha is kept deflated (fflate), or as a single value when the tile is uniform,
 * which is most tiles. Applying an entry swaps: it reads the tiles' current alpha into the
 * entry and writes the stored alpha back, so the same entry serves undo and redo and the
 * "after" state is only captured if the user actually undoes. Invert is its own inverse and
 * stores nothing. The oldest entries are dropped past `maxEntries` or `maxBytes`.
 */
import { deflateSync, inflateSync } from 'fflate';
import type { Rect } from './paint-canvas.ts';

export const TILE_SIZE = 256;

export interface HistoryLimits {
  maxEntries: number;
  /** Total bytes of stored tile data across undo and redo. */
  maxBytes: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = {
  maxEntries: 100,
  maxBytes: 32 * 1024 * 1024,
};

/** How the history reads and writes the mask. */
export interface MaskPixels {
  width: number;
  height: number;
  readAlpha(rect: Rect): Uint8Array;
  writeAlpha(rect: Rect, alpha: Uint8Array): void;
  invert(): void;
}

export type PackedAlpha = { fill: number } | { deflated: Uint8Array };

interface TilePatch {
  rect: Rect;
  alpha: PackedAlpha;
}

/** A tile's alpha as it was before a change, with its place in the history's grid. */
export interface CapturedTile extends TilePatch {
  key: number;
}

/** The history's tiles that `rect` overlaps, clipped to the mask, with their grid keys. */
export function tilesOf(rect: Rect, width: number, height: number): { key: number; rect: Rect }[] {
  const columns = Math.ceil(width / TILE_SIZE);
  const tx0 = Math.max(0, Math.floor(rect.x / TILE_SIZE));
  const ty0 = Math.max(0, Math.floor(rect.y / TILE_SIZE));
  const tx1 = Math.min(columns - 1, Math.floor((rect.x + rect.width - 1) / TILE_SIZE));
  const ty1 = Math.min(
    Math.ceil(height / TILE_SIZE) - 1,
    Math.floor((rect.y + rect.height - 1) / TILE_SIZE),
  );
  const tiles: { key: number; rect: Rect }[] = [];
  for (let ty = ty0; ty <= ty1; ty++) {
    for (let tx = tx0; tx <= tx1; tx++) {
      const x = tx * TILE_SIZE;
      const y = ty * TILE_SIZE;
      const rect = {
        x,
        y,
        width: Math.min(TILE_SIZE, width - x),
        height: Math.min(TILE_SIZE, height - y),
      };
      tiles.push({ key: ty * columns + tx, rect });
    }
  }
  return tiles;
}

type HistoryEntry =
  { kind: 'tiles'; label: string; tiles: TilePatch[] } | { kind: 'invert'; label: string };

export class MaskHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private pending: { label: string; tiles: Map<number, TilePatch> } | null = null;
  private readonly limits: HistoryLimits;

  constructor(
    private readonly pixels: MaskPixels,
    limits: Partial<HistoryLimits> = {},
  ) {
    this.limits = { ...DEFAULT_HISTORY_LIMITS, ...limits };
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  get entryCount(): number {
    return this.undoStack.length + this.redoStack.length;
  }

  /** Bytes of tile data held by undo and redo together. */
  get bytes(): number {
    return [...this.undoStack, ...this.redoStack].reduce((sum, e) => sum + entryBytes(e), 0);
  }

  get isChanging(): boolean {
    return this.pending !== null;
  }

  begin(label: string): void {
    if (this.pending) this.commit();
    this.pending = { label, tiles: new Map() };
  }

  /** Call before writing inside `rect`: captures every not-yet-captured tile it overlaps. */
  touch(rect: Rect): void {
    const pending = this.pending;
    if (!pending) throw new Error('touch() outside a change: call begin() first');
    for (const { key, rect: tile } of tilesOf(rect, this.pixels.width, this.pixels.height)) {
      if (pending.tiles.has(key)) continue;
      pending.tiles.set(key, { rect: tile, alpha: packAlpha(this.pixels.readAlpha(tile)) });
    }
  }

  /**
   * Takes tiles captured elsewhere (a worker reading a snapshot made before the change, so
   * the main thread does not read them) into the change in progress, as touch() would have.
   */
  adopt(tiles: readonly CapturedTile[]): void {
    const pending = this.pending;
    if (!pending) throw new Error('adopt() outside a change: call begin() first');
    for (const { key, rect, alpha } of tiles) {
      if (!pending.tiles.has(key)) pending.tiles.set(key, { rect, alpha });
    }
  }

  /** Ends the change; returns false when it touched nothing (no entry is made). */
  commit(): boolean {
    const pending = this.pending;
    this.pending = null;
    if (!pending || pending.tiles.size === 0) return false;
    this.push({ kind: 'tiles', label: pending.label, tiles: [...pending.tiles.values()] });
    return true;
  }

  /** Ends the change by putting back every tile it touched (a cancelled stroke). */
  abort(): void {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    for (const tile of pending.tiles.values()) {
      this.pixels.writeAlpha(tile.rect, unpack(tile.alpha, tile.rect));
    }
  }

  /** Records an invert that has just been applied to the pixels. */
  recordInvert(): void {
    this.push({ kind: 'invert', label: 'Invert mask' });
  }

  undo(): string | null {
    return this.step(this.undoStack, this.redoStack);
  }

  redo(): string | null {
    return this.step(this.redoStack, this.undoStack);
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.pending = null;
  }

  private step(from: HistoryEntry[], to: HistoryEntry[]): string | null {
    if (this.pending) this.commit();
    const entry = from.pop();
    if (!entry) return null;
    if (entry.kind === 'invert') {
      this.pixels.invert();
    } else {
      for (const tile of entry.tiles) {
        const current = packAlpha(this.pixels.readAlpha(tile.rect));
        this.pixels.writeAlpha(tile.rect, unpack(tile.alpha, tile.rect));
        tile.alpha = current;
      }
    }
    to.push(entry);
    this.enforceLimits();
    return entry.label;
  }

  private push(entry: HistoryEntry): void {
    this.undoStack.push(entry);
    this.redoStack = [];
    this.enforceLimits();
  }

  private enforceLimits(): void {
    const { maxEntries, maxBytes } = this.limits;
    let bytes = this.bytes;
    // Keep the newest entry even when it alone is over budget: losing the last step would
    // surprise more than briefly holding one large patch.
    while (this.undoStack.length > 1 && (this.entryCount > maxEntries || bytes > maxBytes)) {
      const dropped = this.undoStack.shift();
      if (dropped) bytes -= entryBytes(dropped);
    }
    while (this.redoStack.length > 0 && (this.entryCount > maxEntries || bytes > maxBytes)) {
      const dropped = this.redoStack.shift();
      if (dropped) bytes -= entryBytes(dropped);
    }
  }
}

function entryBytes(entry: HistoryEntry): number {
  if (entry.kind === 'invert') return 0;
  return entry.tiles.reduce(
    (sum, t) => sum + ('deflated' in t.alpha ? t.alpha.deflated.length : 1),
    0,
  );
}

export function packAlpha(alpha: Uint8Array): PackedAlpha {
  const first = alpha[0] ?? 0;
  let uniform = true;
  for (let i = 1; i < alpha.length; i++) {
    if (alpha[i] !== first) {
      uniform = false;
      break;
    }
  }
  // Level 1: mask tiles are long runs of 0 and 255, which the fastest level already shrinks ~50x.
  return uniform ? { fill: first } : { deflated: deflateSync(alpha, { level: 1 }) };
}

function unpack(packed: PackedAlpha, rect: Rect): Uint8Array {
  if ('fill' in packed) return new Uint8Array(rect.width * rect.height).fill(packed.fill);
  return inflateSync(packed.deflated);
}
