/**
 * At start-up, makes the thumbnails that saved images lack (the tab was closed between the
 * bytes being saved and their thumbnail, see thumbnails/later-thumbnails.ts). Bounded per
 * start, and run when the page is idle: an image that cannot be decoded stays without one
 * and is simply tried again next time.
 */
import { galleryDb, type GalleryDb } from './gallery-db.ts';
import { makeThumbnail } from './make-thumbnail.ts';
import type { Thumbnailer } from './thumbnail-protocol.ts';
import { makeThumbnailsLater } from './thumbnails/later-thumbnails.ts';

const PER_START = 200;
const BATCH = 8;

/** Makes missing thumbnails; resolves with how many images lacked one (up to the bound). */
export async function repairThumbnails(
  db: GalleryDb = galleryDb,
  thumbnailer: Thumbnailer = makeThumbnail,
  limit = PER_START,
): Promise<number> {
  const [imageIds, thumbnailIds] = await Promise.all([
    db.images.toCollection().primaryKeys(),
    db.thumbnails.toCollection().primaryKeys(),
  ]);
  const have = new Set(thumbnailIds);
  const missing = imageIds.filter((id) => !have.has(id)).slice(0, limit);
  for (let i = 0; i < missing.length; i += BATCH) {
    const rows = await db.images.bulkGet(missing.slice(i, i + BATCH));
    await makeThumbnailsLater(
      db,
      thumbnailer,
      rows.filter((row) => row !== undefined),
    );
  }
  return missing.length;
}

let scheduled = false;

/** Repairs once per page, when it has settled: off the first screen's critical path. */
export function repairThumbnailsWhenIdle(): void {
  if (scheduled) return;
  scheduled = true;
  const run = () =>
    void repairThumbnails().catch((error: unknown) =>
      console.warn('Easel: thumbnails could not be repaired', error),
    );
  if ('requestIdleCallback' in globalThis) requestIdleCallback(run, { timeout: 10_000 });
  else setTimeout(run, 3_000);
}
