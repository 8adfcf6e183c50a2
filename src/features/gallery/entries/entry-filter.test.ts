import { describe, expect, it } from 'vitest';
import { filterEntries, NO_FILTER } from './entry-filter.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';

const day = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

function entry(id: string, over: Partial<GalleryEntry>): GalleryEntry {
  return {
    id,
    kind: 'generation',
    batchId: id,
    index: 0,
    createdAt: day(2026, 3, 1),
    durationMs: 1,
    prompt: '',
    model: 'gpt-image-1',
    params: { model: 'gpt-image-1' },
    provider: { name: 'Local engine', kind: 'local' },
    mime: 'image/png',
    width: 1,
    height: 1,
    byteLength: 1,
    favourite: 0,
    ...over,
  };
}

// Newest first, as listEntries returns them.
const entries = [
  entry('d', { prompt: 'Red fox in snow', createdAt: day(2026, 3, 4), model: 'dall-e-3' }),
  entry('c', { prompt: 'a fox', kind: 'edit', createdAt: day(2026, 3, 3, 0), boardIds: ['moods'] }),
  entry('b', {
    prompt: 'Harbour',
    revisedPrompt: 'A misty harbour with a red boat',
    createdAt: day(2026, 3, 2),
  }),
  entry('a', {
    prompt: 'lighthouse',
    favourite: 1,
    createdAt: day(2026, 3, 1),
    boardIds: ['print', 'moods'],
  }),
];
const ids = (filter: Partial<typeof NO_FILTER>) =>
  filterEntries(entries, { ...NO_FILTER, ...filter }).map((e) => e.id);

describe('filterEntries', () => {
  it('keeps newest first by default and can show oldest first', () => {
    expect(ids({})).toEqual(['d', 'c', 'b', 'a']);
    expect(ids({ order: 'oldest' })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('searches every word, case-insensitively, in the prompt and the revised prompt', () => {
    expect(ids({ search: 'FOX' })).toEqual(['d', 'c']);
    expect(ids({ search: 'red fox' })).toEqual(['d']);
    expect(ids({ search: 'red' })).toEqual(['d', 'b']);
    expect(ids({ search: '  misty   boat ' })).toEqual(['b']);
    expect(ids({ search: 'zebra' })).toEqual([]);
  });

  it('filters by model, kind and favourite', () => {
    expect(ids({ model: 'dall-e-3' })).toEqual(['d']);
    expect(ids({ kind: 'edit' })).toEqual(['c']);
    expect(ids({ favouritesOnly: true })).toEqual(['a']);
    expect(ids({ kind: 'edit', search: 'red' })).toEqual([]);
  });

  it('shows a board: the images on it, whatever other boards they are on', () => {
    expect(ids({ board: 'moods' })).toEqual(['c', 'a']);
    expect(ids({ board: 'print', search: 'fox' })).toEqual([]);
    expect(ids({ board: 'empty' })).toEqual([]);
  });

  it('filters by local calendar days, both ends included', () => {
    expect(ids({ from: '2026-03-02', to: '2026-03-03' })).toEqual(['c', 'b']);
    expect(ids({ from: '2026-03-04' })).toEqual(['d']);
    expect(ids({ to: '2026-03-01' })).toEqual(['a']);
    // Midnight at the start of a day belongs to that day.
    expect(ids({ from: '2026-03-03', to: '2026-03-03' })).toEqual(['c']);
  });
});
