import { useEffect, useState } from 'react';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';

type GridModule = typeof import('./gallery-grid.tsx');
let loaded: GridModule | undefined;
const loadGrid = () => import('./gallery-grid.tsx').then((module) => (loaded = module));

/** Loads the grid ahead of the view (prefetchGallery): the view then renders it at once. */
export const preloadGalleryGrid = (): Promise<unknown> => loadGrid();

/**
 * The grid's code (the virtualizer, the tiles and their actions) loads when there is something
 * to show: an empty gallery never needs it. prefetchGallery starts it with the tab press when
 * this browser has a gallery, so a full one does not wait for it. No Suspense: React holds a
 * resolved boundary's content back to batch reveals (~300 ms), which the first thumbnails
 * would wait for.
 */
export function LazyGalleryGrid({ entries }: { entries: readonly GalleryEntry[] }) {
  const [grid, setGrid] = useState(loaded);
  useEffect(() => {
    if (grid) return;
    let live = true;
    void loadGrid().then((module) => live && setGrid(module));
    return () => {
      live = false;
    };
  }, [grid]);
  if (!grid) return <p className="gallery__empty">Opening the gallery…</p>;
  return <grid.GalleryGrid entries={entries} />;
}
