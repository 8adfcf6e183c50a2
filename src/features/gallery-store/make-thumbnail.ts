/**
 * The page's side of the thumbnail worker (thumbnails/thumbnail-worker.ts), started on first
 * use. `makeThumbnail` rejects when the image does not decode, which import uses as its
 * decode check.
 */
import { workerApi } from '../../lib/worker-api.ts';
import { THUMBNAIL_MAX_EDGE, type Thumbnail } from './thumbnail-protocol.ts';
import type { ThumbnailApi } from './thumbnails/thumbnail-worker.ts';

/** The worker itself failed (crashed, could not load): not a verdict on the image. */
class ThumbnailWorkerFailed extends Error {}

const thumbnails = workerApi<ThumbnailApi>({
  start: () =>
    new Worker(new URL('./thumbnails/thumbnail-worker.ts', import.meta.url), {
      type: 'module',
      name: 'easel-thumbnails',
    }),
  crashed: (reason) => new ThumbnailWorkerFailed(`The thumbnail worker failed: ${reason}.`),
});

export async function makeThumbnail(image: Blob, maxEdge = THUMBNAIL_MAX_EDGE): Promise<Thumbnail> {
  if (typeof Worker === 'undefined')
    throw new Error('This browser cannot make thumbnails (no Web Workers).');
  try {
    return await thumbnails.make(image, maxEdge);
  } catch (error) {
    if (error instanceof ThumbnailWorkerFailed) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`The image could not be decoded (${message}).`);
  }
}

/**
 * Thumbnails of many images in one call (an import batch): one message each way instead of
 * one per image. An image that does not decode is null; a failed worker rejects.
 */
export async function makeThumbnails(
  images: Blob[],
  maxEdge = THUMBNAIL_MAX_EDGE,
): Promise<(Thumbnail | null)[]> {
  if (typeof Worker === 'undefined')
    throw new Error('This browser cannot make thumbnails (no Web Workers).');
  return thumbnails.makeAll(images, maxEdge);
}

/**
 * The image resized to exactly `width` × `height` off the main thread: what a gallery tile
 * drawn larger than its thumbnail shows (sharp-previews.ts). Rejects when it does not decode.
 */
export async function makePreview(
  image: Blob,
  width: number,
  height: number,
): Promise<ImageBitmap> {
  if (typeof Worker === 'undefined')
    throw new Error('This browser cannot resize images off the page (no Web Workers).');
  return thumbnails.preview(image, width, height);
}
