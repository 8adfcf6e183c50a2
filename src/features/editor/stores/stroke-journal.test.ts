import { describe, expect, it, vi } from 'vitest';
import { MaskModel } from '../mask/mask-model.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';
import {
  journalEntries,
  StrokeJournal,
  tilesAfter,
  type JournalEntry,
  type JournalRow,
  type JournalWrite,
  type StoredJournalRow,
} from './stroke-journal.ts';

/** A journal whose writes are applied to rows as IndexedDB applies them, and kept. */
function journalled() {
  const rows = new Map<string, JournalRow>();
  const writes: JournalWrite[] = [];
  const journal = new StrokeJournal((write) => {
    const copy = structuredClone(write);
    writes.push(copy);
    if (copy.clear) rows.clear();
    for (const id of copy.remove ?? []) rows.delete(id);
    for (const row of copy.put ?? []) rows.set(row.id, row);
  });
  /** The stored entries of the journal's image, oldest first. */
  const entries = () =>
    journalEntries([...rows.values()], journal.sessionKey).sort((a, b) => a.seq - b.seq);
  return { journal, writes, rows, entries };
}

const stroke = (mask: MaskModel, y: number) => {
  mask.beginChange('Brush');
  mask.polyline(
    [
      { x: 20, y },
      { x: 580, y },
    ],
    20,
    'paint',
  );
  mask.commitChange();
};

describe('the stroke journal', () => {
  it('replays, on a fresh mask, exactly the strokes a reload would otherwise lose', async () => {
    const mask = new MaskModel(600, 400, nodeCanvas);
    const { journal, entries } = journalled();
    journal.start('image-1');
    stroke(mask, 50);
    journal.record(mask);
    stroke(mask, 300);
    journal.record(mask);
    await drained(journal);

    expectReplayed(entries(), mask);
  });

  it('writes what waits as read when the page goes, then packs it if the page stays', async () => {
    const mask = new MaskModel(600, 400, nodeCanvas);
    const { journal, entries } = journalled();
    journal.start('image-1');
    stroke(mask, 50);
    journal.record(mask);
    journal.flush();
    const written = entries()[0]!.tiles;
    expect(written).toHaveLength(3);
    expect(written.every((t) => 'alpha' in t)).toBe(true);

    await vi.waitFor(() => expect(entries()[0]!.tiles.every((t) => 'deflated' in t)).toBe(true));
    const packed = entries()[0]!.tiles.reduce(
      (sum, t) => sum + ('deflated' in t ? t.deflated.length : Infinity),
      0,
    );
    expect(packed).toBeLessThan(600 * 400 * 0.1);
    expectReplayed(entries(), mask);
  });

  it('stores only the 256² tiles a stroke touched', async () => {
    const mask = new MaskModel(1024, 1024, nodeCanvas);
    const { journal, entries } = journalled();
    journal.start('image-1');
    mask.takeChangedTiles();
    mask.dot({ x: 100, y: 100 }, 10, 'paint');
    journal.record(mask);
    await drained(journal);
    expect(entries()[0]!.tiles.map((t) => t.rect)).toEqual([
      { x: 0, y: 0, width: 256, height: 256 },
    ]);
  });

  it('drops what a whole save holds, and keeps the strokes that came after it', async () => {
    const mask = new MaskModel(600, 400, nodeCanvas);
    const { journal, entries } = journalled();
    journal.start('image-1');
    stroke(mask, 50);
    journal.record(mask);
    await drained(journal);
    const savedUpTo = journal.seq;
    stroke(mask, 300);
    journal.record(mask);
    await drained(journal);
    const second = entries().filter((e) => e.seq > savedUpTo);
    expect(second.length).toBeGreaterThan(0);
    journal.saved('image-1', savedUpTo);
    expect(entries()).toEqual(second);
    // A save of another image's journal changes nothing.
    journal.saved('image-0', 99);
    expect(entries()).toEqual(second);
    expect(tilesAfter(entries(), savedUpTo).length).toBeGreaterThan(0);
    expect(tilesAfter(entries(), journal.seq)).toEqual([]);
  });

  it('journals a change in the tasks after it, a slice each, as it then is', async () => {
    // 2048×1024: 32 tiles, an invert touches them all.
    const mask = new MaskModel(2048, 1024, nodeCanvas);
    const { journal, entries, writes } = journalled();
    journal.start('big');
    mask.takeChangedTiles();
    mask.invert();
    journal.record(mask);
    expect(mask.takeChangedTiles()).toEqual([]);
    // Nothing read in the task that made the change: its last event is not held up.
    expect(entries()).toEqual([]);

    // A slow machine: the clock moves 1.5 ms at every look, so a slice ends after a few tiles.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 1.5));
    try {
      await vi.waitFor(() => expect(entries().flatMap((e) => e.tiles)).toHaveLength(32));
    } finally {
      clock.mockRestore();
    }
    const slices = entries().map((e) => e.tiles.length);
    expect(slices.length).toBeGreaterThan(4);
    expect(Math.max(...slices)).toBeLessThan(8);
    // Each slice writes its own tiles only: every tile was copied into the store once.
    expect(writes.flatMap((w) => w.put ?? []).flatMap((row) => row.tiles)).toHaveLength(32);

    expectReplayed(entries(), mask);
  });

  it('carries on a restored journal, reading entries an older Easel kept in one row', async () => {
    const tile = (value: number) => ({
      rect: { x: 0, y: 0, width: 2, height: 1 },
      alpha: new Uint8Array([value, value]),
    });
    const stored: StoredJournalRow[] = [
      { id: 'current', sessionKey: 'image-1', entries: [{ seq: 1, tiles: [tile(10)] }] },
      { id: 'image-1/2', sessionKey: 'image-1', seq: 2, tiles: [tile(20)] },
      { id: 'image-0/7', sessionKey: 'image-0', seq: 7, tiles: [tile(70)] },
    ];
    const restored = journalEntries(stored, 'image-1');
    expect(restored.map((e) => e.seq)).toEqual([1, 2]);

    const mask = new MaskModel(600, 400, nodeCanvas);
    const { journal, rows } = journalled();
    journal.start('image-1', restored);
    // Another image's row and the old single row go; the restored entries stay, a row each.
    expect([...rows.keys()].sort()).toEqual(['image-1/1', 'image-1/2']);
    stroke(mask, 50);
    journal.record(mask);
    // A slow machine: the clock moves 5 ms at every look, so the stroke's tiles take a slice
    // (a row) each, as they do when a loaded machine reads them slower than SLICE_MS.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
    try {
      await drained(journal);
    } finally {
      clock.mockRestore();
    }
    // The new rows carry on after the restored ones, which are kept as they were.
    const keys = [...rows.keys()].sort((a, b) => seqOf(a) - seqOf(b));
    expect(keys.slice(0, 2)).toEqual(['image-1/1', 'image-1/2']);
    expect(keys.slice(2)).toEqual(keys.slice(2).map((_, i) => `image-1/${i + 3}`));
    expect(keys.length).toBeGreaterThan(2);
    expect(rows.get('image-1/2')).toMatchObject({ seq: 2, tiles: [tile(20)] });
  });

  it('journals at once what still waits when the page is hidden or goes', () => {
    const mask = new MaskModel(2048, 1024, nodeCanvas);
    const { journal, entries } = journalled();
    journal.start('big');
    stroke(mask, 50);
    journal.record(mask);
    mask.invert();
    journal.record(mask);
    journal.flush();
    // The stroke's tiles are the invert's too: each is read once, as it now is.
    expect(entries().map((e) => e.tiles.length)).toEqual([32]);

    expectReplayed(entries(), mask);
  });

  it('forgets what waits of the last image when another is opened', async () => {
    const mask = new MaskModel(2048, 1024, nodeCanvas);
    const { journal, rows } = journalled();
    journal.start('first');
    mask.invert();
    journal.record(mask);
    journal.start('second');
    journal.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(journal.sessionKey).toBe('second');
    expect([...rows.values()]).toEqual([]);
  });
});

const seqOf = (rowId: string) => Number(rowId.split('/')[1]);

/** Until the journal has written all that waited: its slices come in tasks of their own. */
async function drained(journal: StrokeJournal) {
  await vi.waitFor(() => expect(journal.tilesWaiting).toBe(0));
}

/**
 * The journal's entries replayed on a fresh mask give `mask`'s coverage exactly. Compared as
 * bytes: toEqual walks millions of elements one by one, for seconds.
 */
function expectReplayed(entries: JournalEntry[], mask: MaskModel) {
  const restored = new MaskModel(mask.width, mask.height, nodeCanvas);
  restored.restoreTiles(tilesAfter(entries, 0));
  const all = { x: 0, y: 0, width: mask.width, height: mask.height };
  expect(Buffer.from(restored.readAlpha(all)).equals(Buffer.from(mask.readAlpha(all)))).toBe(true);
}
