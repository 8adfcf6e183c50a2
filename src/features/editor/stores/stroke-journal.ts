/**
 * The stroke journal: what the mask gained since the session was last saved whole, written
 * the moment each change ends. Saving the whole session means encoding the mask as a PNG in
 * a worker, which a reload made at once outruns; the journal instead reads the changed 256²
 * tiles synchronously, packs them, and issues the IndexedDB write in the same task, which
 * the browser completes even when the page unloads right after. A reload restores the saved
 * session, then replays the journal entries newer than it.
 *
 * Entries belong to one opened image (`sessionKey`); a whole save records the newest entry
 * it holds (`journalSeq`) so the entries it covers can be dropped.
 */
import { deflateSync, inflateSync } from 'fflate';
import type { MaskModel } from '../mask/mask-model.ts';
import type { Rect } from '../mask/paint-canvas.ts';

export interface JournalTile {
  rect: Rect;
  /** The tile's coverage (one byte per pixel), deflated. */
  deflated: Uint8Array;
}

export interface JournalEntry {
  seq: number;
  tiles: JournalTile[];
}

export interface StoredJournal {
  id: 'current';
  sessionKey: string;
  entries: JournalEntry[];
}

/**
 * Past this many changed pixels (an invert or clear of a very large mask) reading and packing
 * would stall the frame: the change is not journalled and the session is saved whole at once.
 */
export const MAX_JOURNAL_PIXELS = 2048 * 2048;

export class StrokeJournal {
  sessionKey = '';
  seq = 0;
  private entries: JournalEntry[] = [];

  constructor(private readonly persist: (journal: StoredJournal) => void) {}

  /** Starts afresh for a newly opened image, or carries on a restored one. */
  start(sessionKey: string, restored: JournalEntry[] = []): void {
    this.sessionKey = sessionKey;
    this.entries = restored;
    this.seq = restored.reduce((max, e) => Math.max(max, e.seq), 0);
    this.write();
  }

  /**
   * Journals what `mask` changed since the last call. False when the change was too large
   * to journal (the caller then saves the session whole, now).
   */
  record(mask: MaskModel): boolean {
    const rects = mask.takeChangedTiles();
    if (rects.length === 0) return true;
    const pixels = rects.reduce((sum, r) => sum + r.width * r.height, 0);
    if (pixels > MAX_JOURNAL_PIXELS) return false;
    const tiles = rects.map((rect) => ({
      rect,
      deflated: deflateSync(mask.readAlpha(rect), { level: 1 }),
    }));
    this.entries.push({ seq: ++this.seq, tiles });
    this.write();
    return true;
  }

  /** A whole save now holds everything up to `seq`: its entries are no longer needed. */
  saved(sessionKey: string, seq: number): void {
    if (sessionKey !== this.sessionKey) return;
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.seq > seq);
    if (this.entries.length !== before) this.write();
  }

  private write(): void {
    this.persist({ id: 'current', sessionKey: this.sessionKey, entries: this.entries });
  }
}

/** The tiles of the entries newer than `after`, oldest first, ready for restoreTiles. */
export function tilesAfter(
  entries: readonly JournalEntry[],
  after: number,
): { rect: Rect; alpha: Uint8Array }[] {
  return [...entries]
    .filter((e) => e.seq > after)
    .sort((a, b) => a.seq - b.seq)
    .flatMap((e) => e.tiles.map((t) => ({ rect: t.rect, alpha: inflateSync(t.deflated) })));
}
