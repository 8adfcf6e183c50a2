/**
 * Thumbnails are made AFTER an entry's bytes are saved: durability never waits for the
 * thumbnail worker, which on a first visit takes seconds to start. While an entry's
 * thumbnail is being made, a tile asking for it waits for it (no "No preview" flash); one
 * that never got made (a reload in between, a crash) is made at start-up by
 * repair-thumbnails.ts. One made but refused by a full disk is kept in memory for this page,
 * so the gallery still shows it while saving is stopped.
 */
import type { GalleryDb } from '../gallery-db.ts';
import type { StoredBlob } from '../gallery-entry.ts';
import { guardedWrite } from '../guarded-write.ts';
import type { Thumbnailer } from '../thumbnail-protocol.ts';

const making = new Map<string, Promise<Blob | null>>();
const notStored = new Map<string, Blob>();

/** The thumbnail being made for an entry right now, or made but not stored, if there is one. */
export function thumbnailNotInStore(id: string): Promise<Blob | null> | undefined {
  const kept = notStored.get(id);
  return kept ? Promise.resolve(kept) : making.get(id);
}

/**
 * Makes thumbnails for images being saved and stores them once `saved` (the write of their
 * bytes) has resolved; never rejects (a missing one is repaired at the next start). Making
 * starts at once, so a tile shown as soon as the bytes commit already waits for it.
 */
export function makeThumbnailsLater(
  db: GalleryDb,
  thumbnailer: Thumbnailer,
  images: readonly StoredBlob[],
  saved: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  const made = Promise.all(images.map((image) => thumbnailOf(image, thumbnailer)));
  // The bytes were not saved (their caller reports that): no thumbnails to store.
  const bytesSaved = saved.then(
    () => true,
    () => false,
  );
  const stored = Promise.all([made, bytesSaved]).then(async ([thumbnails, ok]) => {
    const rows = ok ? thumbnails.filter((row): row is StoredBlob => row !== null) : [];
    if (rows.length > 0) {
      await storeThumbnails(db, rows).catch((error: unknown) => {
        rows.forEach((row) => notStored.set(row.id, row.blob));
        console.warn('Easel: thumbnails were not stored', error);
      });
    }
    return new Map(rows.map((row) => [row.id, row.blob]));
  });
  for (const { id } of images) {
    const one = stored
      .then(
        (rows) => rows.get(id) ?? null,
        () => null,
      )
      .finally(() => making.delete(id));
    making.set(id, one);
  }
  return stored.then(
    () => undefined,
    (error: unknown) => console.warn('Easel: thumbnails were not made', error),
  );
}

async function thumbnailOf(image: StoredBlob, thumbnailer: Thumbnailer) {
  try {
    return { id: image.id, blob: (await thumbnailer(image.blob)).blob };
  } catch (error) {
    // The bytes are saved; the grid shows the entry as "No preview".
    console.warn(`Easel: no thumbnail for gallery entry ${image.id}`, error);
    return null;
  }
}

/**
 * Stores thumbnails of entries still in the gallery (one may have been deleted meanwhile) that
 * have none yet: one there already was made from newer bytes (an edit composed again in the
 * meantime, recompose-entry.ts) and stays.
 */
function storeThumbnails(db: GalleryDb, rows: StoredBlob[]): Promise<void> {
  const bytes = rows.reduce((sum, row) => sum + row.blob.size, 0);
  return guardedWrite(
    db,
    () =>
      db.transaction('rw', [db.entries, db.thumbnails], async () => {
        const ids = rows.map((row) => row.id);
        const [present, made] = await Promise.all([
          db.entries.bulkGet(ids),
          db.thumbnails.bulkGet(ids),
        ]);
        await db.thumbnails.bulkPut(rows.filter((_, i) => present[i] && !made[i]));
      }),
    { bytes },
  );
}
