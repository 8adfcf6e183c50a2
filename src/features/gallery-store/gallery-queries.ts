/**
 * react-query over the gallery store: one key factory and one queryOptions object per read,
 * shared by hooks, prefetching and invalidation (STYLE.md: TanStack Query examples).
 *
 * Metadata keys live under `galleryKeys.meta` and are invalidated whenever the database
 * changes (see use-gallery-live-updates.ts). Blob keys (image, thumbnail) live under
 * `galleryKeys.blobs`: an entry's bytes never change, so they are cached by id and only
 * garbage-collected, never refetched.
 */
import { queryOptions } from '@tanstack/react-query';
import {
  findEntry,
  listEntries,
  listRecent,
  readImage,
  readLineage,
  readMask,
} from './gallery-reads.ts';
import { listBoards } from './boards.ts';
import { readStorageReport } from './storage-estimate.ts';
import { loadThumbnail } from './thumbnails/thumbnail-loader.ts';

export const galleryKeys = {
  all: ['gallery'] as const,
  meta: () => [...galleryKeys.all, 'meta'] as const,
  entries: () => [...galleryKeys.meta(), 'entries'] as const,
  recent: (limit: number) => [...galleryKeys.meta(), 'recent', limit] as const,
  entry: (id: string) => [...galleryKeys.meta(), 'entry', id] as const,
  lineage: (id: string) => [...galleryKeys.meta(), 'lineage', id] as const,
  storage: () => [...galleryKeys.meta(), 'storage'] as const,
  boards: () => [...galleryKeys.meta(), 'boards'] as const,
  blobs: () => [...galleryKeys.all, 'blob'] as const,
  image: (id: string) => [...galleryKeys.blobs(), 'image', id] as const,
  thumbnail: (id: string) => [...galleryKeys.blobs(), 'thumbnail', id] as const,
  mask: (maskId: string) => [...galleryKeys.blobs(), 'mask', maskId] as const,
};

export const entriesQuery = () =>
  queryOptions({
    queryKey: galleryKeys.entries(),
    queryFn: () => listEntries(),
    // Every write invalidates it (watchGalleryChanges): no reading 5,000 rows again each time
    // the gallery is shown, or right after prefetchGallery read them.
    staleTime: Infinity,
  });

export const recentQuery = (limit: number) =>
  queryOptions({ queryKey: galleryKeys.recent(limit), queryFn: () => listRecent(limit) });

export const entryQuery = (id: string) =>
  queryOptions({ queryKey: galleryKeys.entry(id), queryFn: () => findEntry(id) });

export const lineageQuery = (id: string) =>
  queryOptions({ queryKey: galleryKeys.lineage(id), queryFn: () => readLineage(id) });

export const boardsQuery = () =>
  queryOptions({ queryKey: galleryKeys.boards(), queryFn: () => listBoards() });

export const storageQuery = () =>
  queryOptions({ queryKey: galleryKeys.storage(), queryFn: readStorageReport });

export const imageQuery = (id: string) =>
  queryOptions({
    queryKey: galleryKeys.image(id),
    queryFn: () => readImage(id),
    staleTime: Infinity,
    // Full images are large: drop them soon after the detail view closes.
    gcTime: 10_000,
  });

export const maskQuery = (maskId: string) =>
  queryOptions({
    queryKey: galleryKeys.mask(maskId),
    queryFn: () => readMask(maskId),
    staleTime: Infinity,
    gcTime: 10_000,
  });

export const thumbnailQuery = (id: string) =>
  queryOptions({
    queryKey: galleryKeys.thumbnail(id),
    queryFn: () => loadThumbnail(id),
    staleTime: Infinity,
    // Long enough to scroll back without a flash, short enough that a full scroll through
    // thousands of entries does not keep every thumbnail alive.
    gcTime: 30_000,
  });
