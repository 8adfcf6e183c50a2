import { describe, expect, it, vi } from 'vitest';
import { MaskModel } from '../mask/mask-model.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';
import {
  MAX_JOURNAL_PIXELS,
  StrokeJournal,
  tilesAfter,
  type StoredJournal,
} from './stroke-journal.ts';

/** A journal whose writes are kept, as IndexedDB would keep the last one. */
function journalled() {
  const writes: StoredJournal[] = [];
  const journal = new StrokeJournal((j) => writes.push(structuredClone(j)));
  return { journal, last: () => writes.at(-1)! };
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
  it('replays, on a fresh mask, exactly the strokes a reload would otherwise lose', () => {
    const mask = new MaskModel(600, 400, nodeCanvas);
    const { journal, last } = journalled();
    journal.start('image-1');
    stroke(mask, 50);
    expect(journal.record(mask)).toBe(true);
    stroke(mask, 300);
    expect(journal.record(mask)).toBe(true);

    const restored = new MaskModel(600, 400, nodeCanvas);
    restored.restoreTiles(tilesAfter(last().entries, 0));
    const all = { x: 0, y: 0, width: 600, height: 400 };
    expect(restored.readAlpha(all)).toEqual(mask.readAlpha(all));
  });

  it('deflates a change within its slice, writes the rest as read, then packs that too', async () => {
    const mask = new MaskModel(600, 400, nodeCanvas);
    const { journal, last } = journalled();
    journal.start('image-1');
    stroke(mask, 50);
    // A slow machine: each tile takes 3 ms, so the 8 ms slice deflates two of the three.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 3));
    journal.record(mask);
    clock.mockRestore();
    const written = last().entries[0]!.tiles;
    expect(written.length).toBeGreaterThan(2);
    expect(written.slice(0, 2).every((t) => 'deflated' in t)).toBe(true);
    expect(written.slice(2).every((t) => 'alpha' in t)).toBe(true);

    await vi.waitFor(() =>
      expect(last().entries[0]!.tiles.every((t) => 'deflated' in t)).toBe(true),
    );
    const packed = last().entries[0]!.tiles.reduce(
      (sum, t) => sum + ('deflated' in t ? t.deflated.length : Infinity),
      0,
    );
    expect(packed).toBeLessThan(600 * 400 * 0.1);
    const restored = new MaskModel(600, 400, nodeCanvas);
    restored.restoreTiles(tilesAfter(last().entries, 0));
    const all = { x: 0, y: 0, width: 600, height: 400 };
    expect(restored.readAlpha(all)).toEqual(mask.readAlpha(all));
  });

  it('stores only the 256² tiles a stroke touched', () => {
    const mask = new MaskModel(1024, 1024, nodeCanvas);
    const { journal, last } = journalled();
    journal.start('image-1');
    mask.takeChangedTiles();
    mask.dot({ x: 100, y: 100 }, 10, 'paint');
    journal.record(mask);
    expect(last().entries[0]!.tiles.map((t) => t.rect)).toEqual([
      { x: 0, y: 0, width: 256, height: 256 },
    ]);
  });

  it('drops what a whole save holds, and keeps the strokes that came after it', () => {
    const mask = new MaskModel(600, 400, nodeCanvas);
    const { journal, last } = journalled();
    journal.start('image-1');
    stroke(mask, 50);
    journal.record(mask);
    const savedUpTo = journal.seq;
    stroke(mask, 300);
    journal.record(mask);
    journal.saved('image-1', savedUpTo);
    expect(last().entries.map((e) => e.seq)).toEqual([2]);
    // A save of another image's journal changes nothing.
    journal.saved('image-0', 99);
    expect(last().entries.map((e) => e.seq)).toEqual([2]);
    expect(tilesAfter(last().entries, savedUpTo).length).toBeGreaterThan(0);
    expect(tilesAfter(last().entries, 2)).toEqual([]);
  });

  it('refuses a change too large to journal without stalling (the caller saves whole)', () => {
    const side = Math.ceil(Math.sqrt(MAX_JOURNAL_PIXELS)) + 256;
    const mask = new MaskModel(side, side, nodeCanvas);
    const { journal } = journalled();
    journal.start('big');
    mask.invert();
    expect(journal.record(mask)).toBe(false);
    expect(mask.takeChangedTiles()).toEqual([]);
  });
});
