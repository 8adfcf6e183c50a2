import { RangeSet } from 'dexie';
import { describe, expect, it } from 'vitest';
import { changedEntryIds } from './changed-entries.ts';
import { patchListing } from './gallery-reads.ts';
import type { GalleryEntry } from './gallery-entry.ts';

const prefix = 'idb://easel-gallery/';

describe('the entries a write changed', () => {
  it('are named by its keys, in this tab or (a plain tree) from another', () => {
    const keys = new RangeSet().addKeys(['b', 'a', 'c']);
    const parts = { [`${prefix}entries/`]: keys, [`${prefix}entries/createdAt`]: new RangeSet() };
    expect(changedEntryIds(parts, prefix)?.sort()).toEqual(['a', 'b', 'c']);
    const crossed = structuredClone({ ...parts }) as unknown as typeof parts;
    expect(changedEntryIds(crossed, prefix)?.sort()).toEqual(['a', 'b', 'c']);
  });

  it('are none when it wrote no entry, and unknown for a range or the whole table', () => {
    expect(changedEntryIds({ [`${prefix}thumbnails/`]: new RangeSet('x') }, prefix)).toEqual([]);
    const whole = new RangeSet(-Infinity, [[]]);
    expect(changedEntryIds({ [`${prefix}entries/`]: whole }, prefix)).toBeNull();
    expect(changedEntryIds({ [`${prefix}entries/`]: new RangeSet('a', 'c') }, prefix)).toBeNull();
    expect(changedEntryIds({ [`${prefix}entries/createdAt`]: whole }, prefix)).toBeNull();
  });
});

describe('patching the listing', () => {
  const entry = (id: string, createdAt: number) =>
    ({ id, createdAt, batchId: id, index: 0 }) as GalleryEntry;

  it('merges new rows in date order, drops deleted ones, replaces changed ones, keeps the rest', () => {
    const listing = [entry('d', 40), entry('c', 30), entry('b', 20), entry('a', 10)];
    const changedB = { ...entry('b', 20), favourite: 1 as const };
    const patched = patchListing(
      listing,
      ['e', 'c', 'b', 'f'],
      [entry('e', 25), undefined, changedB, entry('f', 50)],
    );
    expect(patched.map((e) => e.id)).toEqual(['f', 'd', 'e', 'b', 'a']);
    expect(patched[1]).toBe(listing[0]);
    expect(patched[3]).toBe(changedB);
    expect(patched[4]).toBe(listing[3]);
  });
});
