/**
 * Starts what opening the gallery waits for while its view's code is still loading: the view
 * itself, the newest entries and the thumbnails of the first screen of tiles (newest first, as
 * the grid shows them), then every entry's metadata. The shell calls it when the Gallery tab
 * is pressed, or the pointer or the focus comes to it; without it the database read would
 * start only after the view's first render. Only import()s here (and gallery-presence,
 * already in it): this file is part of the studio's entry.
 */
import { galleryExists } from '../gallery-store/gallery-presence.ts';

export function prefetchGallery(): void {
  void import('./gallery-view.tsx');
  // When there is a gallery to show (an empty one needs none of it): the grid's code, and the
  // code that reads entries, with the view's rather than after it.
  galleryExists()
    .then((exists) => {
      if (!exists) return;
      void import('../gallery-store/gallery-reads.ts');
      // The grid itself alongside its loader, not one round trip after it.
      void import('./components/gallery-grid.tsx');
      return import('./components/lazy-gallery-grid.tsx').then((m) => m.preloadGalleryGrid());
    })
    .catch(() => undefined);
  // A failure here shows where it belongs: the gallery view reads the same queries.
  prefetchReads().catch(() => undefined);
}

async function prefetchReads(): Promise<void> {
  const [{ queryClient }, queries, { watchGalleryChanges }] = await Promise.all([
    import('../../lib/query-client.ts'),
    import('../gallery-store/gallery-queries.ts'),
    import('../gallery-store/use-gallery-live-updates.ts'),
  ]);
  // Before anything is cached: a write from now on refreshes what was read.
  watchGalleryChanges(queryClient);
  // The first screen's few entries and their thumbnails, and only then the whole list: its
  // read would hold theirs up (readFirstScreenFirst).
  queries.readFirstScreenFirst(queries.prefetchFirstScreen(queryClient));
  await queryClient.fetchQuery(queries.entriesQuery());
}
