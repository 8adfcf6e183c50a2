/**
 * Module worker that decodes an image and encodes a small WebP of it, so neither the decode
 * of a 4K result nor the encode ever runs on the page's main thread. Called through
 * make-thumbnail.ts.
 *
 * The app's TypeScript lib is DOM, not WebWorker; the few globals used here
 * (createImageBitmap, OffscreenCanvas) exist with compatible signatures in both.
 */
import { exposeApi } from '../../../lib/worker-expose.ts';
import { THUMBNAIL_TYPE, type Thumbnail } from '../thumbnail-protocol.ts';

const thumbnailApi = {
  /** Rejects when the image does not decode. */
  async make(image: Blob, maxEdge: number): Promise<Thumbnail> {
    const source = await createImageBitmap(image);
    const { width, height } = source;
    try {
      const scale = Math.min(1, maxEdge / Math.max(width, height));
      const w = Math.max(1, Math.round(width * scale));
      const h = Math.max(1, Math.round(height * scale));
      // createImageBitmap's own resize filters properly; drawImage of a large bitmap straight
      // into a small canvas aliases visibly on fine procedural detail.
      const resized =
        scale < 1
          ? await createImageBitmap(source, {
              resizeWidth: w,
              resizeHeight: h,
              resizeQuality: 'high',
            })
          : source;
      const canvas = new OffscreenCanvas(w, h);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('No 2D context in the thumbnail worker.');
      context.drawImage(resized, 0, 0);
      if (resized !== source) resized.close();
      const blob = await canvas.convertToBlob({ type: THUMBNAIL_TYPE, quality: 0.8 });
      return { blob, width, height };
    } finally {
      source.close();
    }
  },
};

export type ThumbnailApi = typeof thumbnailApi;

exposeApi(thumbnailApi);
