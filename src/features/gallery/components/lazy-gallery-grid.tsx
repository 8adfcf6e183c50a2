import { lazy, Suspense } from 'react';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';

/**
 * The grid's code (the virtualizer, the tiles and their actions) loads when there is something
 * to show: an empty gallery never needs it. prefetchGallery starts it with the tab press when
 * this browser has a gallery, so a full one does not wait for it.
 */
const GalleryGrid = lazy(() =>
  import('./gallery-grid.tsx').then((m) => ({ default: m.GalleryGrid })),
);

export function LazyGalleryGrid({ entries }: { entries: readonly GalleryEntry[] }) {
  return (
    <Suspense fallback={<p className="gallery__empty">Opening the gallery…</p>}>
      <GalleryGrid entries={entries} />
    </Suspense>
  );
}
