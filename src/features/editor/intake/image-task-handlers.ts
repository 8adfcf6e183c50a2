/**
 * The image work the editor hands off: decoding, crop/pad/scale, PNG encoding, mask export
 * (compose-back has its own worker: compose/compose-worker.ts).
 * These handlers run inside the image worker (image-worker.ts), or on the main thread when a
 * worker cannot be started; either way they only use OffscreenCanvas and createImageBitmap.
 */
import { canvas2d, decodeImage, encodePng, prepareUpload } from '../../../lib/image-codec.ts';
import type { SourceGeometry } from '../../../lib/image-geometry.ts';
import { exportMask, type ExportedMask } from '../mask/export-mask.ts';
import { viewCopyFactor, viewCopySize, type ViewRoom } from '../view/view-copy.ts';

export interface OpenedImage {
  width: number;
  height: number;
  naturalWidth: number;
  naturalHeight: number;
  hasAlpha: boolean;
  /** The whole (possibly scaled) original, for the crop step. */
  preview: ImageBitmap;
}

export interface PreparedSource {
  bitmap: ImageBitmap;
  /** A smaller copy for the zoomed-out stage (view/view-copy.ts); none for a small image. */
  viewCopy?: ImageBitmap;
  png: Blob;
  geometry: SourceGeometry;
  shrunkFrom?: SourceGeometry;
}

export interface CheckedReference {
  blob: Blob;
  width: number;
  height: number;
  /** Re-encoded as PNG because the model does not take the file's own format. */
  converted: boolean;
}

const originals = new Map<string, ImageBitmap>();

export const imageTaskHandlers = {
  async open(key: string, blob: Blob, maxEdge: number): Promise<OpenedImage> {
    const decoded = await decodeImage(blob, maxEdge);
    originals.get(key)?.close();
    originals.set(key, decoded.bitmap);
    const { bitmap: _kept, ...info } = decoded;
    return { ...info, preview: await createImageBitmap(decoded.bitmap) };
  },

  async prepare(
    key: string,
    geometry: SourceGeometry,
    maxBytes: number,
    room?: ViewRoom,
  ): Promise<PreparedSource> {
    const original = originals.get(key);
    if (!original) throw new Error('The image is no longer open; open it again.');
    const upload = await prepareUpload(original, geometry, maxBytes);
    const { width, height } = upload.canvas;
    const factor = room ? viewCopyFactor(width, height, room) : null;
    const viewCopy = factor
      ? await createImageBitmap(upload.canvas, {
          ...resizeTo(viewCopySize(width, height, factor)),
          resizeQuality: 'high',
        })
      : undefined;
    return {
      bitmap: upload.canvas.transferToImageBitmap(),
      ...(viewCopy ? { viewCopy } : {}),
      png: upload.png,
      geometry: upload.geometry,
      ...(upload.shrunkFrom ? { shrunkFrom: upload.shrunkFrom } : {}),
    };
  },

  async close(key: string): Promise<void> {
    originals.get(key)?.close();
    originals.delete(key);
  },

  /** exportMask off the main thread, from a snapshot of the paint canvas. */
  async exportMask(paint: ImageBitmap, width: number, height: number): Promise<ExportedMask> {
    try {
      return await exportMask(
        { canvas: paint, width, height },
        {
          createCanvas: (w, h) => new OffscreenCanvas(w, h),
          encodePng: (c) => encodePng(c as OffscreenCanvas),
        },
      );
    } finally {
      paint.close();
    }
  },

  /** A PNG of a snapshot (the paint canvas, for the saved session), encoded off the main thread. */
  async encodePng(image: ImageBitmap): Promise<Blob> {
    try {
      const { canvas, ctx } = canvas2d(image.width, image.height);
      ctx.drawImage(image, 0, 0);
      return await encodePng(canvas);
    } finally {
      image.close();
    }
  },

  /** Checks an extra reference image decodes; re-encodes it as PNG when its format is not accepted. */
  async checkReference(blob: Blob, acceptedMimes: readonly string[]): Promise<CheckedReference> {
    const bitmap = await createImageBitmap(blob);
    const { width, height } = bitmap;
    if (acceptedMimes.includes(blob.type)) {
      bitmap.close();
      return { blob, width, height, converted: false };
    }
    const { canvas, ctx } = canvas2d(width, height);
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    return { blob: await encodePng(canvas), width, height, converted: true };
  },
};

export type ImageTaskHandlers = typeof imageTaskHandlers;

const resizeTo = ({ width, height }: { width: number; height: number }) => ({
  resizeWidth: width,
  resizeHeight: height,
});
