/**
 * Batches thumbnail reads: every tile asks for its own thumbnail, and the requests made in
 * the same frame go to IndexedDB as one bulkGet instead of dozens of transactions — which is
 * what keeps fast scrolling through thousands of entries free of long tasks.
 */
import { galleryDb } from '../gallery-db.ts';
import { readThumbnails } from '../gallery-reads.ts';
import { thumbnailNotInStore } from './later-thumbnails.ts';

interface Waiting {
  resolve: (thumbnail: Blob | null) => void;
  reject: (error: unknown) => void;
}

let queue = new Map<string, Waiting[]>();
let scheduled: ReturnType<typeof setTimeout> | undefined;

async function flush() {
  clearTimeout(scheduled);
  scheduled = undefined;
  const batch = queue;
  queue = new Map();
  const ids = [...batch.keys()];
  if (ids.length === 0) return;
  try {
    const blobs = await readThumbnails(ids, galleryDb);
    ids.forEach((id, i) => batch.get(id)?.forEach((w) => w.resolve(blobs[i] ?? null)));
  } catch (error) {
    for (const waiting of batch.values()) waiting.forEach((w) => w.reject(error));
  }
}

/** An entry's thumbnail (stored, being made, or kept in memory), or null when none could be. */
export function loadThumbnail(id: string): Promise<Blob | null> {
  const making = thumbnailNotInStore(id);
  if (making) return making;
  return new Promise((resolve, reject) => {
    const waiting = queue.get(id) ?? [];
    waiting.push({ resolve, reject });
    queue.set(id, waiting);
    scheduled ??= setTimeout(() => void flush(), 0);
  });
}

/**
 * Several thumbnails in one read that starts now, not after the tasks already queued: as the
 * gallery opens, its first render (~25 ms) was queued first, and the read waited for it.
 */
export function loadThumbnailsNow(ids: readonly string[]): Promise<Blob | null>[] {
  const loads = ids.map(loadThumbnail);
  void flush();
  return loads;
}
