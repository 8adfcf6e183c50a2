/**
 * How large the results' thumbnails are (the newest result is always shown large).
 * Persistence contract: localStorage key `easel.results-size`.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type ResultsSize = 'small' | 'medium' | 'large';

/** The narrowest a thumbnail may get, per size: the grid fits as many as the card allows. */
export const TILE_MIN: Record<ResultsSize, string> = {
  small: '120px',
  medium: '180px',
  large: '280px',
};

export const useResultsSize = create<{ size: ResultsSize; setSize: (s: ResultsSize) => void }>()(
  persist((set) => ({ size: 'medium', setSize: (size) => set({ size }) }), {
    name: 'easel.results-size',
    version: 1,
    storage: createJSONStorage(() => localStorage),
  }),
);
