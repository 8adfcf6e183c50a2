import { useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import type { ObservabilitySet } from 'dexie';
import { useEffect } from 'react';
import { GALLERY_PART_PREFIX as prefix, onGalleryWrites } from './gallery-write-events.ts';
import { changedEntryIds } from './changed-entries.ts';
import { galleryExists } from './gallery-presence.ts';
import type { GalleryEntry } from './gallery-entry.ts';
import { galleryKeys } from './gallery-queries.ts';

/**
 * Keeps gallery queries fresh. Every committed write to the gallery database — saveResults
 * from a finished job, a delete, an undo, an import, or the same in another Easel tab —
 * (gallery-write-events.ts) invalidates the metadata queries; the listing of every entry
 * reads only the entries the write names, when it names them (changed-entries.ts). This is Dexie's liveQuery
 * signal feeding react-query, rather than liveQuery itself, so the gallery keeps
 * react-query's shared cache and one key factory (the detail view, the recent strip and the
 * grid read the same entries) and other features need not know about invalidation at all.
 */
const subscribed = new WeakSet<QueryClient>();
const BURST_MS = 1000;
/** A burst's re-reads take at most 1/READS_PER_GAP of its time. */
const READS_PER_GAP = 10;

const isListing = (query: Query) =>
  query.queryKey.length === 3 && query.queryKey[2] === galleryKeys.entries()[2];

/** Brings each subscribed client's queries up to date now: what a burst's wait holds back. */
const catchUps = new WeakMap<QueryClient, () => Promise<void>>();

/**
 * Resolves once the client's gallery queries hold every write committed so far (an import's
 * last batch, before "Imported" is said): at once, not after the rest of a burst's wait.
 */
export function galleryCaughtUp(queryClient: QueryClient): Promise<void> {
  const catchUp = catchUps.get(queryClient);
  return catchUp ? catchUp() : queryClient.invalidateQueries({ queryKey: galleryKeys.meta() });
}

/** Subscribes the client for its lifetime (once): before anything caches gallery reads. */
export function watchGalleryChanges(queryClient: QueryClient): void {
  if (subscribed.has(queryClient)) return;
  subscribed.add(queryClient);
  // A lone write shows at once; a burst (an import commits a batch every fraction of a
  // second) re-reads at most once a second, not once per batch — and never more than a
  // tenth of the time: re-reading a listing of 40,000 entries every second took a third of
  // a 50,000-entry import.
  let last = 0;
  let gap = BURST_MS;
  let pending: ReturnType<typeof setTimeout> | null = null;
  // What the writes since the last refresh changed: the entries they name, or (`whole`) the
  // listing must be read again — a write that does not say which entries it changed.
  const changedIds = new Set<string>();
  let whole = false;
  let running: Promise<void> = Promise.resolve();
  let patching: Promise<void> = Promise.resolve();
  const refresh = (): Promise<void> => {
    if (pending) clearTimeout(pending);
    pending = null;
    last = performance.now();
    const ids = [...changedIds];
    changedIds.clear();
    const listing = queryClient.getQueryState<GalleryEntry[]>(galleryKeys.entries());
    // The listing held is patched with the entries named, read again; unless there is none,
    // it is being read (perhaps from before the write), or a write did not say what it did.
    const patch =
      !whole &&
      listing?.data !== undefined &&
      listing.fetchStatus === 'idle' &&
      !listing.isInvalidated
        ? listing.data
        : null;
    whole = false;
    const others = queryClient.invalidateQueries({
      queryKey: galleryKeys.meta(),
      predicate: (query) => !patch || !isListing(query),
    });
    // One patch after another, each onto the listing as it is by then.
    const patched =
      patch && ids.length > 0
        ? (patching = patching.then(async () => {
            try {
              const { patchListing, readEntries } = await import('./gallery-reads.ts');
              const rows = await readEntries(ids);
              queryClient.setQueryData<GalleryEntry[]>(galleryKeys.entries(), (current) =>
                current ? patchListing(current, ids, rows) : current,
              );
            } catch {
              // Not read: the whole listing is.
              await queryClient.invalidateQueries({ queryKey: galleryKeys.entries() });
            }
          }))
        : undefined;
    running = Promise.all([others, patched]).then(
      () => undefined,
      () => undefined,
    );
    void running.finally(() => {
      gap = Math.max(BURST_MS, READS_PER_GAP * (performance.now() - last));
    });
    return running;
  };
  let listened!: () => void;
  const listening = new Promise<void>((resolve) => (listened = resolve));
  catchUps.set(queryClient, async () => {
    // Until it listens, it has not read what was written before: where there is a gallery,
    // it soon does (on a first visit, with the first write).
    if (await galleryExists()) await listening;
    return pending || whole || changedIds.size ? refresh() : running;
  });
  const listener = (parts: ObservabilitySet | null) => {
    // Listening starts: read whatever was written before.
    if (!parts) {
      whole = true;
      void refresh();
      return listened();
    }
    const changed = Object.keys(parts);
    // A thumbnail made after its entry was shown (start-up repair): tiles read it again.
    if (changed.some((part) => part.startsWith(`${prefix}thumbnails/`))) {
      void queryClient.invalidateQueries({
        queryKey: [...galleryKeys.blobs(), 'thumbnail'],
        predicate: (query) => query.state.data === null,
      });
    }
    if (!changed.some((part) => part.startsWith(prefix))) return;
    const ids = changedEntryIds(parts, prefix);
    if (ids === null) whole = true;
    else for (const id of ids) changedIds.add(id);
    const since = performance.now() - last;
    if (since >= gap) void refresh();
    else pending ??= setTimeout(refresh, gap - since);
  };
  onGalleryWrites(listener);
}

export function useGalleryLiveUpdates() {
  const queryClient = useQueryClient();
  // Stays subscribed for the client's lifetime: the shell mounts every view at once.
  useEffect(() => watchGalleryChanges(queryClient), [queryClient]);
}
