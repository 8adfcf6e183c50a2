/**
 * An edit composed again (the compare view's Raw / Hard / Soft and its sliders): the stored
 * image, its thumbnail and the settings that made it are replaced together, in one
 * transaction, so the gallery never shows an image with another image's settings.
 */
import type { ComposeRecord } from '../../api/image-result.ts';
import { guardedWrite } from './guarded-write.ts';
import { galleryDb, type GalleryDb } from './gallery-db.ts';
import { makeThumbnail } from './make-thumbnail.ts';
import type { Thumbnailer } from './thumbnail-protocol.ts';

export async function replaceComposedImage(
  entryId: string,
  image: Blob,
  compose: ComposeRecord,
  db: GalleryDb = galleryDb,
  thumbnailer: Thumbnailer = makeThumbnail,
): Promise<void> {
  // Made before the transaction: awaiting anything else inside it would commit it early.
  const thumbnail = await thumbnailer(image).then(
    (t) => t.blob,
    (error: unknown) => {
      console.warn(`Easel: no thumbnail for recomposed entry ${entryId}`, error);
      return null;
    },
  );
  // The designer chose this version: it is tried even after a full disk stopped saving.
  await guardedWrite(
    db,
    () =>
      db.transaction('rw', [db.entries, db.images, db.thumbnails], async () => {
        const updated = await db.entries.update(entryId, {
          compose,
          mime: image.type,
          byteLength: image.size,
        });
        if (!updated) return; // deleted meanwhile: nothing to replace
        await db.images.put({ id: entryId, blob: image });
        if (thumbnail) await db.thumbnails.put({ id: entryId, blob: thumbnail });
        else await db.thumbnails.delete(entryId);
      }),
    { explicit: true, bytes: image.size },
  );
}
