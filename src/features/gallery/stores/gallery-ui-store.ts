import { create } from 'zustand';
import { NO_FILTER, type GalleryFilter } from '../entries/entry-filter.ts';

/**
 * The gallery's UI state (zustand): what the toolbar filters on, which tiles are selected,
 * which entry the detail view shows. Entries themselves are server state (react-query).
 */
interface GalleryUiState {
  filter: GalleryFilter;
  setFilter: (change: Partial<GalleryFilter>) => void;
  resetFilter: () => void;
  selected: ReadonlySet<string>;
  /** Where a shift-click range starts. */
  anchorId: string | null;
  setSelection: (ids: Iterable<string>, anchorId?: string | null) => void;
  toggleSelected: (id: string) => void;
  clearSelection: () => void;
  openEntryId: string | null;
  openEntry: (id: string | null) => void;
  /** A tile to take the focus once its image is in the grid (put back by Undo), or null. */
  focusEntryId: string | null;
  focusEntry: (id: string | null) => void;
  /** Two images shown against each other (A, then B), or null. */
  comparing: readonly [string, string] | null;
  compare: (ids: readonly [string, string] | null) => void;
  /** An image shown against the one it was made from (its parent), or null. */
  comparingOriginal: string | null;
  compareOriginal: (id: string | null) => void;
}

export const useGalleryUi = create<GalleryUiState>((set) => ({
  filter: NO_FILTER,
  setFilter: (change) => set((s) => ({ filter: { ...s.filter, ...change } })),
  resetFilter: () =>
    set((s) => ({ filter: { ...NO_FILTER, order: s.filter.order, board: s.filter.board } })),
  selected: new Set(),
  anchorId: null,
  setSelection: (ids, anchorId) =>
    set((s) => ({
      selected: new Set(ids),
      anchorId: anchorId === undefined ? s.anchorId : anchorId,
    })),
  toggleSelected: (id) =>
    set((s) => {
      const selected = new Set(s.selected);
      if (selected.has(id)) selected.delete(id);
      else selected.add(id);
      return { selected, anchorId: id };
    }),
  clearSelection: () => set({ selected: new Set(), anchorId: null }),
  openEntryId: null,
  openEntry: (id) => set({ openEntryId: id }),
  focusEntryId: null,
  focusEntry: (id) => set({ focusEntryId: id }),
  comparing: null,
  compare: (ids) => set({ comparing: ids }),
  comparingOriginal: null,
  compareOriginal: (id) => set({ comparingOriginal: id }),
}));
