import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { LazyImageViewer } from '../../viewer/lazy-image-viewer.tsx';
import type { ViewerImage } from '../../viewer/viewer-image.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { entryQuery } from '../../gallery-store/gallery-queries.ts';
import { useCloseWhenDeleted } from '../hooks/use-close-when-deleted.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { entryViewerImage } from './entry-viewer-image.tsx';

// The Info panel (actions, metadata, lineage) loads after the grid, not with it: once the
// browser is idle while the grid shows images, or when an image is opened. The viewer opens
// with it loaded, so the panel never shows blank first; an empty gallery does not fetch it
// (nor the database code it brings: 39 KB of the Gallery's JS).
type EntryInfoComponent = typeof import('./entry-info.tsx').EntryInfo;
let loadedInfo: EntryInfoComponent | null = null;
let loadingInfo: Promise<EntryInfoComponent> | null = null;
function loadEntryInfo(): Promise<EntryInfoComponent> {
  loadingInfo ??= import('./entry-info.tsx').then((m) => (loadedInfo = m.EntryInfo));
  return loadingInfo;
}

/**
 * The Info panel's code: whether it has loaded; started when an image opens (`wanted`), or
 * when the browser is idle while there are images to open (`likely`).
 */
function useEntryInfo(wanted: boolean, likely: boolean): EntryInfoComponent | null {
  const [info, setInfo] = useState(() => loadedInfo);
  useEffect(() => {
    if (info || !(wanted || likely)) return;
    let live = true;
    const load = () => void loadEntryInfo().then((c) => live && setInfo(() => c));
    if (wanted || !('requestIdleCallback' in globalThis)) load();
    else {
      const idle = requestIdleCallback(load, { timeout: 5000 });
      return () => {
        live = false;
        cancelIdleCallback(idle);
      };
    }
    return () => {
      live = false;
    };
  }, [info, wanted, likely]);
  return info;
}

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
  const EntryInfo = useEntryInfo(!!openId, shown.length > 0);
  return (
    <LazyImageViewer
      images={images}
      index={openId && EntryInfo ? viewerIndex : null}
      onIndexChange={onIndexChange}
      aside={(image: ViewerImage) =>
        EntryInfo && (
          <EntryInfo
            key={image.key}
            id={image.key}
            // What the grid already read: shown at once, while the entry is read afresh.
            known={shown.find((e) => e.id === image.key) ?? hidden ?? undefined}
          />
        )
      }
      returnFocus={(image: ViewerImage) =>
        document.querySelector<HTMLElement>(`[role="grid"] [data-entry-id="${image.key}"]`) ??
        // Its tile is gone (the image was deleted): the grid's own tile, not the page.
        document.querySelector<HTMLElement>('[role="grid"] [role="gridcell"][tabindex="0"]')
      }
    />
  );
}
