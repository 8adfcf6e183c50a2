import type { EntryKind, GalleryEntry } from '../../gallery-store/gallery-entry.ts';

/** What the gallery toolbar narrows the grid to. Dates are local calendar days (YYYY-MM-DD). */
export interface GalleryFilter {
  /** The board shown (a place rather than a filter: Clear filters keeps it). */
  board: string | null;
  search: string;
  model: string | null;
  kind: EntryKind | null;
  favouritesOnly: boolean;
  from: string | null;
  to: string | null;
  order: 'newest' | 'oldest';
}

export const NO_FILTER: GalleryFilter = {
  board: null,
  search: '',
  model: null,
  kind: null,
  favouritesOnly: false,
  from: null,
  to: null,
  order: 'newest',
};

/** Start of a local calendar day, in ms; `endOfDay` gives the first ms of the next day. */
function localDay(date: string, endOfDay: boolean): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return new Date(y, m - 1, d + (endOfDay ? 1 : 0)).getTime();
}

/**
 * Narrows and orders entries (already sorted newest first) in memory: the whole metadata
 * list is a few MB even at thousands of entries, and filtering it takes a few ms, so every
 * keystroke in the search box answers without a database round trip.
 * Search matches every word of the query, case-insensitively, in the prompt or revised prompt.
 */
export function filterEntries(entries: readonly GalleryEntry[], filter: GalleryFilter) {
  const words = filter.search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const from = filter.from ? localDay(filter.from, false) : null;
  const to = filter.to ? localDay(filter.to, true) : null;
  const matches = entries.filter((entry) => {
    if (filter.board && !entry.boardIds?.includes(filter.board)) return false;
    if (filter.model && entry.model !== filter.model) return false;
    if (filter.kind && entry.kind !== filter.kind) return false;
    if (filter.favouritesOnly && entry.favourite !== 1) return false;
    if (from !== null && entry.createdAt < from) return false;
    if (to !== null && entry.createdAt >= to) return false;
    if (words.length === 0) return true;
    const text = `${entry.prompt}\n${entry.revisedPrompt ?? ''}`.toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  });
  return filter.order === 'oldest'
    ? matches.sort(
        (a, b) =>
          a.createdAt - b.createdAt || a.batchId.localeCompare(b.batchId) || a.index - b.index,
      )
    : matches;
}

export function isFiltered(filter: GalleryFilter): boolean {
  return (
    filter.search.trim() !== '' ||
    filter.model !== null ||
    filter.kind !== null ||
    filter.favouritesOnly ||
    filter.from !== null ||
    filter.to !== null
  );
}
