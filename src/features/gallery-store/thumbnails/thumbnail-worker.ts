/**
 * Module worker that decodes an image and encodes a small WebP of it, so neither the decode
 * of a 4K result nor the encode ever runs on the page's main thread. Called through
 * make-thumbnail.ts: one image (a saved result) or a whole import batch in one message; and
 * for a sharper-than-thumbnail picture of a large tile, resized here too.
 *
 * The app's TypeScript lib is DOM, not WebWorker; the few globals used here
 * (createImageBitmap, OffscreenCanvas) exist with compatible signatures in both.
 */
import { exposeApi } from '../../../lib/worker-expose.ts';
import { THUMBNAIL_TYPE, type Thumbnail } from '../thumbnail-protocol.ts';

/** Images of a batch in flight at once: decodes and encodes overlap, memory stays bounded. */
const LANES = 4;

/**
 * Canvases are reused: a new OffscreenCanvas and 2D context per image cost more than a small
 * image's decode and encode (an import makes tens of thousands). One canvas per image in
 * flight; convertToBlob copies the pixels when called, so a canvas is free once it returns.
 */
const spare: OffscreenCanvas[] = [];

async function thumbnailOf(image: Blob, maxEdge: number): Promise<Thumbnail> {
  const source = await createImageBitmap(image);
  const { width, height } = source;
  const canvas = spare.pop() ?? new OffscreenCanvas(1, 1);
  // Every bitmap is closed on every path: an open one holds its pixels until a garbage
  // collection, which a worker busy with thousands of thumbnails seldom runs.
  let resized: ImageBitmap | null = null;
  try {
    const scale = Math.min(1, maxEdge / Math.max(width, height));
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    // createImageBitmap's own resize filters properly; drawImage of a large bitmap straight
    // into a small canvas aliases visibly on fine procedural detail.
    if (scale < 1) {
      resized = await createImageBitmap(source, {
        resizeWidth: w,
        resizeHeight: h,
        resizeQuality: 'high',
      });
    }
    canvas.width = w; // also clears it
    canvas.height = h;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D context in the thumbnail worker.');
    context.drawImage(resized ?? source, 0, 0);
    resized?.close();
    source.close();
    const blob = await canvas.convertToBlob({ type: THUMBNAIL_TYPE, quality: 0.8 });
    return { blob, width, height };
  } finally {
    resized?.close();
    source.close();
    spare.push(canvas);
  }
}

const thumbnailApi = {
  /**
   * The image decoded and resized to exactly `width` × `height` with the browser's best
   * filter (a gallery tile drawn larger than its thumbnail, sharp-previews.ts). The bitmap
   * is moved to the page, not copied. Rejects when the image does not decode.
   */
  preview: (image: Blob, width: number, height: number): Promise<ImageBitmap> =>
    createImageBitmap(image, {
      resizeWidth: width,
      resizeHeight: height,
      resizeQuality: 'high',
    }),

  /** Rejects when the image does not decode. */
  make: (image: Blob, maxEdge: number): Promise<Thumbnail> => thumbnailOf(image, maxEdge),

  /** Each image's thumbnail, in order; null for one that does not decode. */
  async makeAll(images: Blob[], maxEdge: number): Promise<(Thumbnail | null)[]> {
    const made: (Thumbnail | null)[] = new Array(images.length).fill(null);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < images.length; i = next++) {
        made[i] = await thumbnailOf(images[i]!, maxEdge).catch(() => null);
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    return made;
  },
};

export type ThumbnailApi = typeof thumbnailApi;

exposeApi(thumbnailApi);
