import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { filterEntries, isFiltered } from '../entries/entry-filter.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { entriesQuery, firstScreenQuery } from '../../gallery-store/gallery-queries.ts';
import { useGalleryLiveUpdates } from '../../gallery-store/use-gallery-live-updates.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';

const NONE: readonly GalleryEntry[] = [];

/**
 * All entries, and those the toolbar's filter shows, in display order. While every entry is
 * still being read (`isPending`), `shown` holds the newest few when the grid lists everything
 * newest first, so its first screen does not wait for the whole list; `all` stays empty.
 */
export function useGalleryEntries() {
  useGalleryLiveUpdates();
  const query = useQuery(entriesQuery());
  const filter = useGalleryUi((s) => s.filter);
  const newestOfAll = !isFiltered(filter) && filter.board === null && filter.order !== 'oldest';
  const firstScreen = useQuery({
    ...firstScreenQuery(),
    enabled: query.data === undefined && newestOfAll,
  });
  const preview = newestOfAll ? (firstScreen.data ?? NONE) : NONE;
  const shown = useMemo(
    () => (query.data ? filterEntries(query.data, filter) : preview),
    [query.data, filter, preview],
  );
  return { ...query, all: query.data ?? NONE, shown };
}
