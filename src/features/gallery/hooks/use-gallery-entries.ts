import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { filterEntries } from '../entries/entry-filter.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { entriesQuery } from '../../gallery-store/gallery-queries.ts';
import { useGalleryLiveUpdates } from '../../gallery-store/use-gallery-live-updates.ts';

/** All entries, and those the toolbar's filter shows, in display order. */
export function useGalleryEntries() {
  useGalleryLiveUpdates();
  const query = useQuery(entriesQuery());
  const filter = useGalleryUi((s) => s.filter);
  const shown = useMemo(() => filterEntries(query.data ?? [], filter), [query.data, filter]);
  return { ...query, all: query.data ?? [], shown };
}
