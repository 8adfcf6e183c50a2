/**
 * How big the gallery's thumbnails are. Persistence contract: localStorage key
 * `easel.gallery-tile-size`.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type TileSize = 'small' | 'medium' | 'large';
export const TILE_SIZES: readonly TileSize[] = ['small', 'medium', 'large'];

/** The narrowest a tile may get, per size, in CSS pixels: the grid fits as many as it can. */
export const MIN_TILE: Record<TileSize, number> = { small: 112, medium: 160, large: 280 };

export const useTileSize = create<{ size: TileSize; setSize: (s: TileSize) => void }>()(
  persist((set) => ({ size: 'medium', setSize: (size) => set({ size }) }), {
    name: 'easel.gallery-tile-size',
    version: 1,
    storage: createJSONStorage(() => localStorage),
  }),
);
