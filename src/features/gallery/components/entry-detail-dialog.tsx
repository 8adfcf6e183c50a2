import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { LazyImageViewer } from '../../viewer/lazy-image-viewer.tsx';
import type { ViewerImage } from '../../viewer/viewer-image.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { entryQuery } from '../../gallery-store/gallery-queries.ts';
import { useCloseWhenDeleted } from '../hooks/use-close-when-deleted.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { entryViewerImage } from './entry-viewer-image.tsx';

// The Info panel (actions, metadata, lineage) loads with the viewer, not with the grid.
const EntryInfo = lazy(() => import('./entry-info.tsx').then((m) => ({ default: m.EntryInfo })));

/**
 * The detail view: the studio's viewer over the images the grid shows (arrows step through
 * them in the grid's order), with the entry's actions, metadata and lineage in its Info
 * panel. Closing returns focus to the tile of the image shown last (or, deleted, the grid's).
 */
export function EntryDetailDialog({ shown }: { shown: readonly GalleryEntry[] }) {
  const openId = useGalleryUi((s) => s.openEntryId);
  const openEntry = useGalleryUi((s) => s.openEntry);
  const closeDeleted = useCallback(() => openEntry(null), [openEntry]);
  const index = openId ? shown.findIndex((e) => e.id === openId) : -1;
  // An entry the filters hide (opened from a result card, or a lineage link) shows alone.
  const hiddenQuery = useQuery({
    ...entryQuery(openId ?? ''),
    enabled: !!openId && index < 0,
  });
  const hidden = hiddenQuery.data;
  const images = useMemo(
    () => (index >= 0 ? shown.map(entryViewerImage) : hidden ? [entryViewerImage(hidden)] : []),
    [shown, index, hidden],
  );
  const viewerIndex = index >= 0 ? index : hidden ? 0 : null;
  const shownImage = viewerIndex === null ? undefined : images[viewerIndex];
  useCloseWhenDeleted(
    shownImage ? [{ id: shownImage.key, title: shownImage.title }] : [],
    openId && index < 0 && hiddenQuery.isSuccess && !hiddenQuery.isFetching && hidden === null
      ? openId
      : null,
    closeDeleted,
  );
  const onIndexChange = useCallback(
    (i: number | null) => openEntry(i === null ? null : (images[i]?.key ?? null)),
    [images, openEntry],
  );
  return (
    <LazyImageViewer
      images={images}
      index={openId ? viewerIndex : null}
      onIndexChange={onIndexChange}
      aside={(image: ViewerImage) => (
        <Suspense fallback={null}>
          <EntryInfo key={image.key} id={image.key} />
        </Suspense>
      )}
      returnFocus={(image: ViewerImage) =>
        document.querySelector<HTMLElement>(`[role="grid"] [data-entry-id="${image.key}"]`) ??
        // Its tile is gone (the image was deleted): the grid's own tile, not the page.
        document.querySelector<HTMLElement>('[role="grid"] [role="gridcell"][tabindex="0"]')
      }
    />
  );
}
