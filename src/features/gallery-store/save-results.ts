/**
 * The one function every finished request goes through: it turns an ImageJobResult into
 * gallery entries and writes them — metadata, image bytes, thumbnails and the mask — in a
 * single transaction. It resolves only after IndexedDB has committed, so the studio calls a
 * job done after it. On failure nothing is written and a GalleryStorageError (quota, blocked
 * or unavailable database…) is thrown for the caller to show, while the result stays on
 * screen.
 *
 * Thumbnails are made first, in the worker: an IndexedDB transaction commits as soon as it
 * awaits anything that is not IndexedDB, so no other async work may happen inside it. A
 * thumbnail that cannot be made does not fail the save (the bytes matter more); the grid
 * then shows the entry as "no preview".
 */
import type { ImageJobResult } from '../../api/image-result.ts';
import type { EntryKind, GalleryEntry, StoredBlob } from './gallery-entry.ts';
import { makeThumbnail } from './make-thumbnail.ts';
import type { Thumbnailer } from './thumbnail-protocol.ts';
import { galleryDb, type GalleryDb } from './gallery-db.ts';
import { guardedWrite } from './guarded-write.ts';
import { requestPersistentStorage } from './storage-estimate.ts';

const KIND: Record<ImageJobResult['operation'], EntryKind> = {
  generate: 'generation',
  edit: 'edit',
  variation: 'variation',
};

export async function saveResults(
  result: ImageJobResult,
  db: GalleryDb = galleryDb,
  thumbnailer: Thumbnailer = makeThumbnail,
  { explicit = false }: { explicit?: boolean } = {},
): Promise<GalleryEntry[]> {
  void requestPersistentStorage();
  const batchId = crypto.randomUUID();
  const maskId = result.mask ? crypto.randomUUID() : undefined;
  const entries: GalleryEntry[] = result.images.map((image, index) => ({
    id: crypto.randomUUID(),
    kind: KIND[result.operation],
    batchId,
    index,
    createdAt: result.createdAt,
    durationMs: result.durationMs,
    prompt: result.prompt,
    ...(image.revisedPrompt ? { revisedPrompt: image.revisedPrompt } : {}),
    model: result.model,
    params: result.params,
    provider: result.provider,
    ...(result.parentId ? { parentId: result.parentId } : {}),
    ...(maskId ? { maskId } : {}),
    ...(result.usage ? { usage: result.usage } : {}),
    mime: image.bytes?.type ?? '',
    width: image.width,
    height: image.height,
    byteLength: image.bytes?.size ?? 0,
    favourite: 0,
    ...(image.remote ? { remote: image.remote } : {}),
    ...(image.compose ? { compose: image.compose.settings } : {}),
  }));

  const images: StoredBlob[] = [];
  const thumbnails: StoredBlob[] = [];
  await Promise.all(
    entries.map(async (entry, i) => {
      const bytes = result.images[i]?.bytes;
      if (!bytes) return;
      images.push({ id: entry.id, blob: bytes });
      try {
        thumbnails.push({ id: entry.id, blob: (await thumbnailer(bytes)).blob });
      } catch (error) {
        console.warn(`Easel: no thumbnail for gallery entry ${entry.id}`, error);
      }
    }),
  );

  const bytes = images.reduce((sum, image) => sum + image.blob.size, result.mask?.size ?? 0);
  await guardedWrite(
    db,
    () =>
      db.transaction('rw', [db.entries, db.images, db.thumbnails, db.masks], async () => {
        if (maskId && result.mask) await db.masks.add({ id: maskId, blob: result.mask });
        await db.entries.bulkAdd(entries);
        await db.images.bulkAdd(images);
        await db.thumbnails.bulkAdd(thumbnails);
      }),
    { explicit, bytes },
  );
  return entries;
}
