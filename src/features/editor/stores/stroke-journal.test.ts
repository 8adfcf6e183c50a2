import { describe, expect, it, vi } from 'vitest';
import { MaskModel } from '../mask/mask-model.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';
import {
  StrokeJournal,
  tilesAfter,
  type JournalEntry,
  type StoredJournal,
} from './stroke-journal.ts';

/** A journal whose writes are kept, as IndexedDB would keep the last one. */
function journalled() {
  const writes: StoredJournal[] = [];
  const journal = new StrokeJournal((j) => writes.push(structuredClone(j)));
  return { journal, writes, last: () => writes.at(-1)! };
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
    const { journal, last } = journalled();
    journal.start('image-1');
    stroke(mask, 50);
    journal.record(mask);
    stroke(mask, 300);
    journal.record(mask);
    await drained(journal);

    expectReplayed(last().entries, mask);
  });

  it('writes what waits as read when the page goes, then packs it if the page stays', async () => {
    const mask = new MaskModel(600, 400, nodeCanvas);
    const { journal, last } = journalled();
    journal.start('image-1');
    stroke(mask, 50);
    journal.record(mask);
    journal.flush();
    const written = last().entries[0]!.tiles;
    expect(written).toHaveLength(3);
    expect(written.every((t) => 'alpha' in t)).toBe(true);

    await vi.waitFor(() =>
      expect(last().entries[0]!.tiles.every((t) => 'deflated' in t)).toBe(true),
    );
    const packed = last().entries[0]!.tiles.reduce(
      (sum, t) => sum + ('deflated' in t ? t.deflated.length : Infinity),
      0,
    );
    expect(packed).toBeLessThan(600 * 400 * 0.1);
    expectReplayed(last().entries, mask);
  });

  it('stores only the 256² tiles a stroke touched', async () => {
    const mask = new MaskModel(1024, 1024, nodeCanvas);
    const { journal, last } = journalled();
    journal.start('image-1');
    mask.takeChangedTiles();
    mask.dot({ x: 100, y: 100 }, 10, 'paint');
    journal.record(mask);
    await drained(journal);
    expect(last().entries[0]!.tiles.map((t) => t.rect)).toEqual([
      { x: 0, y: 0, width: 256, height: 256 },
    ]);
  });

  it('drops what a whole save holds, and keeps the strokes that came after it', async () => {
    const mask = new MaskModel(600, 400, nodeCanvas);
    const { journal, last } = journalled();
    journal.start('image-1');
    stroke(mask, 50);
    journal.record(mask);
    await drained(journal);
    const savedUpTo = journal.seq;
    stroke(mask, 300);
    journal.record(mask);
    await drained(journal);
    const second = last().entries.filter((e) => e.seq > savedUpTo);
    expect(second.length).toBeGreaterThan(0);
    journal.saved('image-1', savedUpTo);
    expect(last().entries).toEqual(second);
    // A save of another image's journal changes nothing.
    journal.saved('image-0', 99);
    expect(last().entries).toEqual(second);
    expect(tilesAfter(last().entries, savedUpTo).length).toBeGreaterThan(0);
    expect(tilesAfter(last().entries, journal.seq)).toEqual([]);
  });

  it('journals a change in the tasks after it, a slice each, as it then is', async () => {
    // 2048×1024: 32 tiles, an invert touches them all.
    const mask = new MaskModel(2048, 1024, nodeCanvas);
    const { journal, last, writes } = journalled();
    journal.start('big');
    mask.takeChangedTiles();
    mask.invert();
    journal.record(mask);
    expect(mask.takeChangedTiles()).toEqual([]);
    // Nothing read in the task that made the change: its last event is not held up.
    expect(last().entries).toEqual([]);

    // A slow machine: the clock moves 1.5 ms at every look, so a slice ends after a few tiles.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 1.5));
    try {
      await vi.waitFor(() => expect(last().entries.flatMap((e) => e.tiles)).toHaveLength(32));
    } finally {
      clock.mockRestore();
    }
    const slices = last().entries.map((e) => e.tiles.length);
    expect(slices.length).toBeGreaterThan(4);
    expect(Math.max(...slices)).toBeLessThan(8);
    expect(writes.length).toBeGreaterThan(slices.length);

    expectReplayed(last().entries, mask);
  });

  it('journals at once what still waits when the page is hidden or goes', () => {
    const mask = new MaskModel(2048, 1024, nodeCanvas);
    const { journal, last } = journalled();
    journal.start('big');
    stroke(mask, 50);
    journal.record(mask);
    mask.invert();
    journal.record(mask);
    journal.flush();
    // The stroke's tiles are the invert's too: each is read once, as it now is.
    expect(last().entries.map((e) => e.tiles.length)).toEqual([32]);

    expectReplayed(last().entries, mask);
  });

  it('forgets what waits of the last image when another is opened', async () => {
    const mask = new MaskModel(2048, 1024, nodeCanvas);
    const { journal, last } = journalled();
    journal.start('first');
    mask.invert();
    journal.record(mask);
    journal.start('second');
    journal.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(last()).toMatchObject({ sessionKey: 'second', entries: [] });
  });
});

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
