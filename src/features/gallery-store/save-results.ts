/**
 * The one function every finished request goes through: it turns an ImageJobResult into
 * gallery entries and writes them — metadata, image bytes and the mask — in a single
 * transaction. It resolves only after IndexedDB has committed, so the studio shows the
 * images and calls a job done after it (saved before shown). On failure nothing is written
 * and a GalleryStorageError (quota, full disk, blocked database…) is thrown for the caller to
 * show, while the result stays on screen to download.
 *
 * Thumbnails come after, from the worker (thumbnails/later-thumbnails.ts): the bytes never
 * wait for them, and one missing after a reload is made at start-up (repair-thumbnails.ts).
 */
import type { ImageJobResult } from '../../api/image-result.ts';
import type { EntryKind, GalleryEntry, StoredBlob } from './gallery-entry.ts';
import { makeThumbnail } from './make-thumbnail.ts';
import type { Thumbnailer } from './thumbnail-protocol.ts';
import { makeThumbnailsLater } from './thumbnails/later-thumbnails.ts';
import { galleryDb, type GalleryDb } from './gallery-db.ts';
import { guardedWrite } from './guarded-write.ts';
import { requestPersistentStorage } from './storage-estimate.ts';
import { savingStop } from './gallery-health.ts';
import { probeRoomAhead } from './room-probe.ts';

/**
 * A result's bytes are in and being checked: the room its save needs (`bytes`, images and
 * mask) is asked for meanwhile, so the save that follows the check does not wait for the
 * probe (room-probe.ts probeRoomAhead). Nothing is asked once saving has stopped.
 */
export function prepareSave(bytes: number): void {
  if (!savingStop()) probeRoomAhead(bytes);
}

const KIND: Record<ImageJobResult['operation'], EntryKind> = {
  generate: 'generation',
  edit: 'edit',
  variation: 'variation',
};

export async function saveResults(
  result: ImageJobResult,
  db: GalleryDb = galleryDb,
  thumbnailer: Thumbnailer = makeThumbnail,
  { explicit = false, jobId }: { explicit?: boolean; jobId?: string } = {},
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

  const images: StoredBlob[] = entries.flatMap((entry, i) => {
    const bytes = result.images[i]?.bytes;
    return bytes ? [{ id: entry.id, blob: bytes }] : [];
  });

  const bytes = images.reduce((sum, image) => sum + image.blob.size, result.mask?.size ?? 0);
  const saved = guardedWrite(
    db,
    () =>
      // All asked at once (one commit either way): each await would wait for a round trip
      // to the database before asking the next.
      db.transaction('rw', [db.entries, db.images, db.masks, db.jobs], () =>
        Promise.all([
          maskId && result.mask ? db.masks.add({ id: maskId, blob: result.mask }) : null,
          db.entries.bulkAdd(entries),
          db.images.bulkAdd(images),
          // The job's in-flight record goes with the same commit: after a reload there is
          // either its result or its record (shown as interrupted), never both or neither.
          jobId ? db.jobs.delete(jobId) : null,
        ]),
      ),
    { explicit, bytes },
  );
  // The thumbnails wait until the saved picture has been shown: made at once, their decode (a
  // second full decode of each image, in the thumbnail worker) ran beside the save, the tile's
  // own decode and the first frame's raster on the same cores, and the picture came later.
  const shown = saved.then(afterShown, afterShown);
  void makeThumbnailsLater(db, (image) => shown.then(() => thumbnailer(image)), images, saved);
  await saved;
  return entries;
}

/** Time for the frame that shows a saved result to be drawn (React's commit, paint, raster). */
const SHOWN_WITHIN_MS = 200;
const afterShown = () => new Promise<void>((resolve) => setTimeout(resolve, SHOWN_WITHIN_MS));
