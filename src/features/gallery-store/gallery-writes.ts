/**
 * Changes to existing gallery entries: favourite, delete and its undo. Contract: a delete
 * removes the entries with their image, thumbnail and any mask no remaining entry uses, in
 * one transaction, and hands back everything it removed so `restoreEntries` can put it back
 * exactly (same ids, same bytes, lineage intact). Children of a deleted entry keep their
 * `parentId`; the detail view says the parent is gone until an undo brings it back.
 */
import type { GalleryEntry, StoredBlob } from './gallery-entry.ts';
import { galleryDb, type GalleryDb } from './gallery-db.ts';
import { guardedWrite } from './guarded-write.ts';

export interface DeletedEntries {
  entries: GalleryEntry[];
  images: StoredBlob[];
  thumbnails: StoredBlob[];
  masks: StoredBlob[];
}

const present = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);

export async function deleteEntries(
  ids: readonly string[],
  db: GalleryDb = galleryDb,
): Promise<DeletedEntries> {
  // Explicit: deleting is how a user frees space, so it is allowed after a full disk.
  return guardedWrite(
    db,
    () =>
      db.transaction('rw', [db.entries, db.images, db.thumbnails, db.masks], async () => {
        const keys = [...new Set(ids)];
        const entries = present(await db.entries.bulkGet(keys));
        const found = entries.map((e) => e.id);
        const images = present(await db.images.bulkGet(found));
        const thumbnails = present(await db.thumbnails.bulkGet(found));
        await db.entries.bulkDelete(found);
        await db.images.bulkDelete(found);
        await db.thumbnails.bulkDelete(found);
        // A mask is shared by every image of one edit request: drop it with the last of them.
        const maskIds = [...new Set(entries.flatMap((e) => (e.maskId ? [e.maskId] : [])))];
        const orphaned: string[] = [];
        for (const maskId of maskIds) {
          if ((await db.entries.where('maskId').equals(maskId).count()) === 0)
            orphaned.push(maskId);
        }
        const masks = present(await db.masks.bulkGet(orphaned));
        await db.masks.bulkDelete(orphaned);
        return { entries, images, thumbnails, masks };
      }),
    { explicit: true },
  );
}

/** Puts back what `deleteEntries` removed (the undo of a delete). */
export async function restoreEntries(
  deleted: DeletedEntries,
  db: GalleryDb = galleryDb,
): Promise<void> {
  await guardedWrite(
    db,
    () =>
      db.transaction('rw', [db.entries, db.images, db.thumbnails, db.masks], async () => {
        await db.masks.bulkPut(deleted.masks);
        await db.entries.bulkPut(deleted.entries);
        await db.images.bulkPut(deleted.images);
        await db.thumbnails.bulkPut(deleted.thumbnails);
      }),
    { explicit: true },
  );
}

export async function setFavourite(
  ids: readonly string[],
  favourite: boolean,
  db: GalleryDb = galleryDb,
): Promise<void> {
  await guardedWrite(
    db,
    () =>
      db.entries
        .where('id')
        .anyOf([...ids])
        .modify({ favourite: favourite ? 1 : 0 }),
    { explicit: true },
  );
}
