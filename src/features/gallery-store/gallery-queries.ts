/**
 * react-query over the gallery store: one key factory and one queryOptions object per read,
 * shared by hooks, prefetching and invalidation (STYLE.md: TanStack Query examples).
 *
 * Metadata keys live under `galleryKeys.meta` and are invalidated whenever the database
 * changes (see use-gallery-live-updates.ts). Blob keys (image, thumbnail) live under
 * `galleryKeys.blobs`: an entry's bytes never change, so they are cached by id and only
 * garbage-collected, never refetched.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { galleryExists } from './gallery-presence.ts';
import { readStorageReport } from './storage-estimate.ts';

// The database code (Dexie, ~31 KB gzip) loads with the first read, not with a view that
// imports these queries: an editor or an empty gallery never reads.
const reads = () => import('./gallery-reads.ts');

let stored = false;
/**
 * `empty` while this browser has no gallery database (a first visit): reading would open
 * Dexie, and create the database, for nothing. The first save creates it; its write
 * invalidates these queries (watchGalleryChanges), which then read it.
 */
async function whenStored<T>(empty: T, read: () => Promise<T>): Promise<T> {
  stored ||= await galleryExists();
  return stored ? read() : empty;
}

export const galleryKeys = {
  all: ['gallery'] as const,
  meta: () => [...galleryKeys.all, 'meta'] as const,
  entries: () => [...galleryKeys.meta(), 'entries'] as const,
  recent: (limit: number) => [...galleryKeys.meta(), 'recent', limit] as const,
  entry: (id: string) => [...galleryKeys.meta(), 'entry', id] as const,
  missing: (ids: readonly string[]) => [...galleryKeys.meta(), 'missing', ids] as const,
  lineage: (id: string) => [...galleryKeys.meta(), 'lineage', id] as const,
  stored: (id: string) => [...galleryKeys.meta(), 'stored', id] as const,
  storage: () => [...galleryKeys.meta(), 'storage'] as const,
  boards: () => [...galleryKeys.meta(), 'boards'] as const,
  blobs: () => [...galleryKeys.all, 'blob'] as const,
  image: (id: string) => [...galleryKeys.blobs(), 'image', id] as const,
  thumbnail: (id: string) => [...galleryKeys.blobs(), 'thumbnail', id] as const,
  mask: (maskId: string) => [...galleryKeys.blobs(), 'mask', maskId] as const,
};

let firstScreenReads: Promise<unknown> | undefined;

/**
 * Holds the whole list's read back until `reads` (the first screen's entries and thumbnails,
 * prefetchFirstScreen) are done. IndexedDB answers requests made while it reads 5,000 entries
 * (~100 ms) only after it: the first screen's few reads waited for the list they are there
 * to make up for (measured).
 */
export function readFirstScreenFirst(reads: Promise<unknown>): void {
  firstScreenReads = reads.catch(() => undefined);
}

export const entriesQuery = () =>
  queryOptions({
    queryKey: galleryKeys.entries(),
    queryFn: () =>
      whenStored([], async () => {
        const [{ listEntries }] = await Promise.all([reads(), firstScreenReads]);
        return listEntries();
      }),
    // Every write invalidates it (watchGalleryChanges): no reading 5,000 rows again each time
    // the gallery is shown, or right after prefetchGallery read them.
    staleTime: Infinity,
    // A write's entries are merged into the listing held (use-gallery-live-updates.ts), and
    // the entries it did not change keep their objects. react-query's sharing compares the
    // old and new listings place by place, so an entry merged in above copied every one below.
    structuralSharing: false,
  });

export const recentQuery = (limit: number) =>
  queryOptions({
    queryKey: galleryKeys.recent(limit),
    queryFn: () => whenStored([], async () => (await reads()).listRecent(limit)),
    // As the whole list: fresh until a write invalidates it (reaching for the Gallery tab and
    // then pressing it read it twice).
    staleTime: Infinity,
  });

/** More tiles than the largest window shows at once at the smallest tile size. */
export const FIRST_SCREEN_ENTRIES = 64;

/**
 * The newest entries, enough for the gallery's first screen: read from the createdAt index in
 * a few ms, where every entry's metadata takes ~100 ms per 5,000. The grid shows them (and
 * their thumbnails load) while the whole list is still being read.
 */
export const firstScreenQuery = () => recentQuery(FIRST_SCREEN_ENTRIES);

export const entryQuery = (id: string) =>
  queryOptions({
    queryKey: galleryKeys.entry(id),
    queryFn: async () => (await reads()).findEntry(id),
  });

/**
 * Which of `ids`, entries saved earlier, have been deleted since: views that show results
 * outside the gallery leave those out (a delete's Undo brings them back, as every write reads
 * this again). With no database at all, none of them is there.
 */
export const missingEntriesQuery = (ids: readonly string[]) =>
  queryOptions({
    queryKey: galleryKeys.missing(ids),
    queryFn: () => whenStored([...ids], async () => (await reads()).missingEntries(ids)),
    enabled: ids.length > 0,
  });

export const lineageQuery = (id: string) =>
  queryOptions({
    queryKey: galleryKeys.lineage(id),
    queryFn: async () => (await reads()).readLineage(id),
  });

/**
 * Whether an entry's picture bytes are still here: actions that need them (Edit, Download,
 * More like this) are not offered without. Under `meta`: an import that brings them back
 * reads it again.
 */
export const imageStoredQuery = (id: string) =>
  queryOptions({
    queryKey: galleryKeys.stored(id),
    queryFn: async () => (await reads()).hasImage(id),
  });

export const boardsQuery = () =>
  queryOptions({
    queryKey: galleryKeys.boards(),
    queryFn: () => whenStored([], async () => (await import('./boards.ts')).listBoards()),
  });

export const storageQuery = () =>
  queryOptions({ queryKey: galleryKeys.storage(), queryFn: readStorageReport });

export const imageQuery = (id: string) =>
  queryOptions({
    queryKey: galleryKeys.image(id),
    queryFn: async () => (await reads()).readImage(id),
    staleTime: Infinity,
    // Full images are large: drop them soon after the detail view closes.
    gcTime: 10_000,
  });

export const maskQuery = (maskId: string) =>
  queryOptions({
    queryKey: galleryKeys.mask(maskId),
    queryFn: async () => (await reads()).readMask(maskId),
    staleTime: Infinity,
    gcTime: 10_000,
  });

export const thumbnailQuery = (id: string) =>
  queryOptions({
    queryKey: galleryKeys.thumbnail(id),
    queryFn: async () => (await import('./thumbnails/thumbnail-loader.ts')).loadThumbnail(id),
    staleTime: Infinity,
    // Long enough to scroll back without a flash, short enough that a full scroll through
    // thousands of entries does not keep every thumbnail alive.
    gcTime: 30_000,
  });

/**
 * The first screen's entries, and the thumbnails of those not yet cached in one read that
 * starts at once: as the gallery opens, its first render (~25 ms) was queued before the
 * tiles' batched reads (thumbnail-loader.ts), and they waited for it.
 */
export async function prefetchFirstScreen(client: QueryClient): Promise<void> {
  const [entries, loader] = await Promise.all([
    client.fetchQuery(firstScreenQuery()),
    // Not on a first visit: the loader brings the database code (Dexie) with it.
    whenStored(null, () => import('./thumbnails/thumbnail-loader.ts')),
  ]);
  if (!loader) return;
  const ids = entries
    .map((e) => e.id)
    .filter((id) => client.getQueryData(galleryKeys.thumbnail(id)) === undefined);
  const thumbnails = loader.loadThumbnailsNow(ids);
  // Into the tiles' queries (one for each thumbnail, as the grid asks for them).
  await Promise.all(
    ids.map((id, i) =>
      client.prefetchQuery({ ...thumbnailQuery(id), queryFn: () => thumbnails[i]! }),
    ),
  );
}
