import { create } from 'zustand';
import type { DeletedEntries } from '../../gallery-store/gallery-writes.ts';

/** The last delete, held in memory so it can be undone while its notice is on screen. */
interface UndoState {
  lastDelete: { key: number; deleted: DeletedEntries } | null;
  remember: (deleted: DeletedEntries) => void;
  forget: () => void;
}

export const useUndoStore = create<UndoState>((set) => ({
  lastDelete: null,
  remember: (deleted) => set({ lastDelete: { key: Date.now(), deleted } }),
  forget: () => set({ lastDelete: null }),
}));
