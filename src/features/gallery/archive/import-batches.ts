/**
 * How an import is cut into transactions. A batch is bounded in entries (the browser holds
 * every blob of a transaction open at once, and one transaction for everything failed past a
 * few thousand images) and in bytes: each batch's write is first asked for in full of the
 * room probe (gallery-store/room-probe.ts), so a batch of hundreds of large images would
 * otherwise write its whole size twice, and hold it in memory, before it is stored.
 */
import type { ManifestEntry, ManifestMask } from './manifest.ts';

/** Entries per transaction: a few hundred blobs, far below the browser's open-file limits. */
export const BATCH_SIZE = 200;
/** Image bytes per transaction (one image larger than this goes alone). */
export const BATCH_BYTES = 32 * 1024 * 1024;

export interface Placed {
  entry: ManifestEntry;
  place: number;
}

/**
 * The entries in order, cut into batches of at most `maxCount` entries and `maxBytes` of
 * images and new masks (a mask counted with the first entry that needs it).
 */
export function planBatches(
  entries: readonly Placed[],
  masksById: ReadonlyMap<string, ManifestMask>,
  storedMasks: ReadonlySet<string>,
  { maxCount = BATCH_SIZE, maxBytes = BATCH_BYTES } = {},
): Placed[][] {
  const batches: Placed[][] = [];
  const counted = new Set(storedMasks);
  let batch: Placed[] = [];
  let bytes = 0;
  for (const placed of entries) {
    const { maskId } = placed.entry;
    const mask = maskId && !counted.has(maskId) ? (masksById.get(maskId)?.byteLength ?? 0) : 0;
    if (maskId) counted.add(maskId);
    const size = (placed.entry.file ? placed.entry.byteLength : 0) + mask;
    if (batch.length > 0 && (batch.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(placed);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
