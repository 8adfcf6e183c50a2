/**
 * Module worker that decodes an image and encodes a small WebP of it, so neither the decode
 * of a 4K result nor the encode ever runs on the page's main thread.
 *
 * The app's TypeScript lib is DOM, not WebWorker; the few globals used here
 * (createImageBitmap, OffscreenCanvas, postMessage, onmessage) exist with compatible
 * signatures in both.
 */
import type { ThumbnailRequest, ThumbnailResponse } from '../thumbnail-protocol.ts';
import { THUMBNAIL_TYPE } from '../thumbnail-protocol.ts';

function reply(message: ThumbnailResponse) {
  self.postMessage(message);
}

async function makeThumbnail({ id, image, maxEdge }: ThumbnailRequest) {
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
    const thumbnail = await canvas.convertToBlob({ type: THUMBNAIL_TYPE, quality: 0.8 });
    reply({ id, ok: true, thumbnail, width, height });
  } finally {
    source.close();
  }
}

self.onmessage = (event: MessageEvent<ThumbnailRequest>) => {
  makeThumbnail(event.data).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    reply({ id: event.data.id, ok: false, message });
  });
};
