import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ObservabilitySet } from 'dexie';
import { useEffect } from 'react';
import { GALLERY_PART_PREFIX as prefix, onGalleryWrites } from './gallery-write-events.ts';
import { galleryKeys } from './gallery-queries.ts';

/**
 * Keeps gallery queries fresh. Every committed write to the gallery database — saveResults
 * from a finished job, a delete, an undo, an import, or the same in another Easel tab —
 * (gallery-write-events.ts) invalidates the metadata queries. This is Dexie's liveQuery
 * signal feeding react-query, rather than liveQuery itself, so the gallery keeps
 * react-query's shared cache and one key factory (the detail view, the recent strip and the
 * grid read the same entries) and other features need not know about invalidation at all.
 */
const subscribed = new WeakSet<QueryClient>();
const BURST_MS = 1000;
/** A burst's re-reads take at most 1/READS_PER_GAP of its time. */
const READS_PER_GAP = 10;

/** Subscribes the client for its lifetime (once): before anything caches gallery reads. */
export function watchGalleryChanges(queryClient: QueryClient): void {
  if (subscribed.has(queryClient)) return;
  subscribed.add(queryClient);
  // A lone write shows at once; a burst (an import commits a batch every fraction of a
  // second) re-reads the listing at most once a second, not once per batch — and never more
  // than a tenth of the time: re-reading a listing of 40,000 entries every second took a
  // third of a 50,000-entry import.
  let last = 0;
  let gap = BURST_MS;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const invalidate = () => {
    pending = null;
    last = performance.now();
    void queryClient.invalidateQueries({ queryKey: galleryKeys.meta() }).finally(() => {
      gap = Math.max(BURST_MS, READS_PER_GAP * (performance.now() - last));
    });
  };
  const listener = (parts: ObservabilitySet | null) => {
    // Listening starts: read whatever was written before.
    if (!parts) return invalidate();
    const changed = Object.keys(parts);
    // A thumbnail made after its entry was shown (start-up repair): tiles read it again.
    if (changed.some((part) => part.startsWith(`${prefix}thumbnails/`))) {
      void queryClient.invalidateQueries({
        queryKey: [...galleryKeys.blobs(), 'thumbnail'],
        predicate: (query) => query.state.data === null,
      });
    }
    if (!changed.some((part) => part.startsWith(prefix))) return;
    const since = performance.now() - last;
    if (since >= gap) invalidate();
    else pending ??= setTimeout(invalidate, gap - since);
  };
  onGalleryWrites(listener);
}

export function useGalleryLiveUpdates() {
  const queryClient = useQueryClient();
  // Stays subscribed for the client's lifetime: the shell mounts every view at once.
  useEffect(() => watchGalleryChanges(queryClient), [queryClient]);
}
