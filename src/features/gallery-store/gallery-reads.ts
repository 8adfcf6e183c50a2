/**
 * Reads from the gallery store. Metadata reads return plain GalleryEntry rows; blobs (image,
 * thumbnail, mask) are read one table at a time by id so listing never loads image bytes.
 */
import type { GalleryEntry } from './gallery-entry.ts';
import { galleryDb, type GalleryDb } from './gallery-db.ts';

/** Every entry's metadata, newest first; images of one request in their returned order. */
export async function listEntries(db: GalleryDb = galleryDb): Promise<GalleryEntry[]> {
  const entries = await db.entries.toArray();
  return entries.sort(newestFirst);
}

/** The newest `limit` entries (the recent strip), straight from the createdAt index. */
export async function listRecent(
  limit: number,
  db: GalleryDb = galleryDb,
): Promise<GalleryEntry[]> {
  const entries = await db.entries.orderBy('createdAt').reverse().limit(limit).toArray();
  return entries.sort(newestFirst);
}

/**
 * `listing` (newest first) with the entries `ids` replaced by what they are now: `rows[i]`
 * is `ids[i]`'s row, undefined when it was deleted. Unchanged entries keep their objects.
 */
export function patchListing(
  listing: readonly GalleryEntry[],
  ids: readonly string[],
  rows: readonly (GalleryEntry | undefined)[],
): GalleryEntry[] {
  const changed = new Set(ids);
  const added = rows.filter((row): row is GalleryEntry => row !== undefined).sort(newestFirst);
  const patched: GalleryEntry[] = [];
  let next = 0;
  for (const entry of listing) {
    if (changed.has(entry.id)) continue;
    while (next < added.length && newestFirst(added[next]!, entry) < 0)
      patched.push(added[next++]!);
    patched.push(entry);
  }
  while (next < added.length) patched.push(added[next++]!);
  return patched;
}

/**
 * The rows of `ids` as they are now (undefined: deleted), to patch the listing with
 * (patchListing): a write that names the entries it changed costs a read of those only.
 * Re-reading a 50,000-entry listing for every batch an import wrote rebuilt each of its rows
 * every time, the old listing still held (the page's heap reached 130-175 MB).
 */
export function readEntries(
  ids: readonly string[],
  db: GalleryDb = galleryDb,
): Promise<(GalleryEntry | undefined)[]> {
  return db.entries.bulkGet([...ids]);
}

export function newestFirst(a: GalleryEntry, b: GalleryEntry): number {
  return b.createdAt - a.createdAt || a.batchId.localeCompare(b.batchId) || a.index - b.index;
}

export async function getEntry(id: string, db: GalleryDb = galleryDb): Promise<GalleryEntry> {
  const entry = await db.entries.get(id);
  if (!entry) throw new Error('This image is no longer in the gallery.');
  return entry;
}

export async function findEntry(
  id: string,
  db: GalleryDb = galleryDb,
): Promise<GalleryEntry | null> {
  return (await db.entries.get(id)) ?? null;
}

/** Which of `ids` are no longer in the gallery (deleted since they were saved). */
export async function missingEntries(
  ids: readonly string[],
  db: GalleryDb = galleryDb,
): Promise<string[]> {
  const rows = await db.entries.bulkGet([...ids]);
  return ids.filter((_, i) => !rows[i]);
}

/** The full image bytes, in the format the provider returned. */
export async function readImage(id: string, db: GalleryDb = galleryDb): Promise<Blob> {
  const row = await db.images.get(id);
  if (!row) {
    throw new Error(
      'The bytes of this image are no longer on this device, only its details. ' +
        'Delete it, or import an archive that has it.',
    );
  }
  return row.blob;
}

/** Whether the image's bytes are still stored (its entry may outlive them), without reading them. */
export async function hasImage(id: string, db: GalleryDb = galleryDb): Promise<boolean> {
  return (await db.images.where(':id').equals(id).count()) > 0;
}

export async function readMask(maskId: string, db: GalleryDb = galleryDb): Promise<Blob | null> {
  return (await db.masks.get(maskId))?.blob ?? null;
}

/** Thumbnails for several entries in one IndexedDB request (null where none was made). */
export async function readThumbnails(
  ids: readonly string[],
  db: GalleryDb = galleryDb,
): Promise<(Blob | null)[]> {
  const rows = await db.thumbnails.bulkGet([...ids]);
  return rows.map((row) => row?.blob ?? null);
}

export interface Lineage {
  /** The entry this one was made from, if it is still in the gallery. */
  parent: GalleryEntry | null;
  /** Set when the entry names a parent that is no longer (or never was) in the gallery. */
  missingParentId: string | null;
  /** Edits and variations made from this entry, oldest first. */
  children: GalleryEntry[];
}

export async function readLineage(id: string, db: GalleryDb = galleryDb): Promise<Lineage> {
  const entry = await getEntry(id, db);
  const [parent, children] = await Promise.all([
    entry.parentId ? db.entries.get(entry.parentId) : undefined,
    db.entries.where('parentId').equals(id).toArray(),
  ]);
  return {
    parent: parent ?? null,
    missingParentId: entry.parentId && !parent ? entry.parentId : null,
    children: children.sort((a, b) => a.createdAt - b.createdAt || a.index - b.index),
  };
}
