/**
 * The stroke journal: what the mask gained since the session was last saved whole, kept so
 * that a reload made the moment a stroke ends still has it. Saving the whole session means
 * encoding the mask as a PNG in a worker, which a reload made at once outruns. The journal
 * reads the changed 256² tiles in the tasks right after a change ends, a slice at a time, and
 * writes each slice to IndexedDB. When the page is hidden or goes first (a reload, a closed
 * tab), whatever still waits is read and written in that event's task: an IndexedDB write
 * issued and committed before the page goes is completed. A reload restores the saved
 * session, then replays the journal entries newer than it.
 *
 * Entries belong to one opened image (`sessionKey`); a whole save records the newest entry
 * it holds (`journalSeq`) so the entries it covers can be dropped. Each entry is a row of its
 * own, so a write copies only the tiles it adds: one row rewritten whole at every slice copied
 * 112 MB into IndexedDB over six quick soft 4K strokes, 0.5 s of the main thread.
 */
import { deflateSync, inflateSync } from 'fflate';
import type { MaskModel } from '../mask/mask-model.ts';
import type { Rect } from '../mask/paint-canvas.ts';

/**
 * A tile's coverage (one byte per pixel): deflated (`deflated`), or as read (`alpha`) when
 * the page was leaving and had no time to deflate it. Either may be stored.
 */
export type JournalTile = { rect: Rect; alpha: Uint8Array } | { rect: Rect; deflated: Uint8Array };

export interface JournalEntry {
  seq: number;
  tiles: JournalTile[];
}

/** An entry as stored: a row of its own (`journalRowId`). */
export interface JournalRow extends JournalEntry {
  id: string;
  sessionKey: string;
}

/** The journal as Easel stored it until December 2026, one row rewritten whole; still read. */
export interface LegacyJournal {
  id: 'current';
  sessionKey: string;
  entries: JournalEntry[];
}

export type StoredJournalRow = JournalRow | LegacyJournal;

/** One write to the journal's store, issued and committed in the calling task. */
export interface JournalWrite {
  /** Every row goes first: a newly opened image. */
  clear?: boolean;
  remove?: string[];
  put?: JournalRow[];
}

export const journalRowId = (sessionKey: string, seq: number): string => `${sessionKey}/${seq}`;

/** The entries of `sessionKey` among the stored rows, whichever way they were stored. */
export function journalEntries(
  rows: readonly StoredJournalRow[],
  sessionKey: string,
): JournalEntry[] {
  return rows
    .filter((row) => row.sessionKey === sessionKey)
    .flatMap((row) => ('entries' in row ? row.entries : [{ seq: row.seq, tiles: row.tiles }]));
}

/**
 * How long one slice of reading or packing may hold the main thread. Read in the task that
 * ended a change, a wide 4K stroke's hundred tiles took 40-60 ms (read, packed and written),
 * and even a small stroke's 10-15 ms, all added to its last pointer event.
 */
const SLICE_MS = 8;

export class StrokeJournal {
  sessionKey = '';
  seq = 0;
  private entries: JournalEntry[] = [];
  private packing: ReturnType<typeof setTimeout> | null = null;
  /** Changed tiles not journalled yet (by position), and the mask they are on. */
  private waiting = new Map<string, Rect>();
  private waitingOn: MaskModel | null = null;
  private draining: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly persist: (write: JournalWrite) => void) {}

  /** How many changed tiles are still to be journalled. */
  get tilesWaiting(): number {
    return this.waiting.size;
  }

  /** Starts afresh for a newly opened image, or carries on a restored one. */
  start(sessionKey: string, restored: JournalEntry[] = []): void {
    this.sessionKey = sessionKey;
    this.forgetWaiting();
    this.entries = restored;
    this.seq = restored.reduce((max, e) => Math.max(max, e.seq), 0);
    // Another image's rows, and rows stored the old way, go; the restored ones stay as rows.
    this.persist({ clear: true, put: restored.map((entry) => this.row(entry)) });
  }

  /**
   * Journals what `mask` changed since the last call, in the tasks that follow (drain), or at
   * once if the page is hidden or goes first (flush).
   */
  record(mask: MaskModel): void {
    const rects = mask.takeChangedTiles();
    if (rects.length === 0) return;
    this.waitingOn = mask;
    for (const rect of rects) this.waiting.set(`${rect.x},${rect.y}`, rect);
    this.draining ??= setTimeout(() => this.drain(), 0);
  }

  /**
   * The page is being hidden or left: every tile still waiting is read and written now, as
   * read (packed later if the page stays), in this task.
   */
  flush(): void {
    const mask = this.waitingOn;
    if (!mask || this.waiting.size === 0) return;
    const tiles = [...this.waiting.values()].map((rect) => ({ rect, alpha: mask.readAlpha(rect) }));
    this.forgetWaiting();
    this.append(tiles);
  }

  /**
   * Journals waiting tiles for SLICE_MS (one at least), as they are now: a tile painted
   * again since is written as it now is, and its newer change journalled after it.
   */
  private drain(): void {
    this.draining = null;
    const mask = this.waitingOn;
    if (!mask) return;
    const until = performance.now() + SLICE_MS;
    const tiles: JournalTile[] = [];
    for (const [key, rect] of this.waiting) {
      if (tiles.length > 0 && performance.now() > until) break;
      this.waiting.delete(key);
      tiles.push({ rect, deflated: deflate(mask.readAlpha(rect)) });
    }
    if (this.waiting.size > 0) this.draining = setTimeout(() => this.drain(), 0);
    this.append(tiles);
  }

  /** Drops the tiles waiting to be read, and the timer that would read them. */
  private forgetWaiting(): void {
    if (this.draining) clearTimeout(this.draining);
    this.draining = null;
    this.waiting.clear();
    this.waitingOn = null;
  }

  private append(tiles: JournalTile[]): void {
    const entry = { seq: ++this.seq, tiles };
    this.entries.push(entry);
    this.persist({ put: [this.row(entry)] });
    if (tiles.some((t) => 'alpha' in t)) this.packSoon();
  }

  /** Deflates the tiles still held as read, SLICE_MS at a time, rewriting the entries it packed. */
  private pack(): void {
    this.packing = null;
    const until = performance.now() + SLICE_MS;
    const packed = new Set<JournalEntry>();
    const asRead = this.entries.flatMap((entry) =>
      entry.tiles.flatMap((tile, i) => ('alpha' in tile ? [{ entry, i, ...tile }] : [])),
    );
    for (const { entry, i, rect, alpha } of asRead) {
      if (packed.size > 0 && performance.now() > until) {
        this.packSoon();
        break;
      }
      entry.tiles[i] = { rect, deflated: deflate(alpha) };
      packed.add(entry);
    }
    if (packed.size > 0) this.persist({ put: [...packed].map((entry) => this.row(entry)) });
  }

  private packSoon(): void {
    this.packing ??= setTimeout(() => this.pack(), 0);
  }

  /** A whole save now holds everything up to `seq`: its entries are no longer needed. */
  saved(sessionKey: string, seq: number): void {
    if (sessionKey !== this.sessionKey) return;
    const covered = this.entries.filter((e) => e.seq <= seq);
    if (covered.length === 0) return;
    this.entries = this.entries.filter((e) => e.seq > seq);
    this.persist({ remove: covered.map((e) => journalRowId(sessionKey, e.seq)) });
  }

  private row(entry: JournalEntry): JournalRow {
    const { sessionKey } = this;
    return { id: journalRowId(sessionKey, entry.seq), sessionKey, ...entry };
  }
}

/** Level 1: mask tiles are long runs of 0 and 255, which the fastest level already shrinks. */
function deflate(alpha: Uint8Array): Uint8Array {
  return deflateSync(alpha, { level: 1 });
}

/** The tiles of the entries newer than `after`, oldest first, ready for restoreTiles. */
export function tilesAfter(
  entries: readonly JournalEntry[],
  after: number,
): { rect: Rect; alpha: Uint8Array }[] {
  return [...entries]
    .filter((e) => e.seq > after)
    .sort((a, b) => a.seq - b.seq)
    .flatMap((e) =>
      e.tiles.map((t) => ({
        rect: t.rect,
        alpha: 'alpha' in t ? t.alpha : inflateSync(t.deflated),
      })),
    );
}
