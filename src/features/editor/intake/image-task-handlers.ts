/**
 * The image work the editor hands off: decoding, crop/pad/scale, PNG encoding, mask export
 * (compose-back has its own worker: compose/compose-worker.ts).
 * These handlers run inside the image worker (image-worker.ts), or on the main thread when a
 * worker cannot be started; either way they only use OffscreenCanvas and createImageBitmap.
 */
import {
  canvas2d,
  decodeImage,
  encodePng,
  prepareUpload,
  renderGeometry,
} from '../../../lib/image-codec.ts';
import type { SourceGeometry } from '../../../lib/image-geometry.ts';
import { exportMask, type ExportedMask } from '../mask/export-mask.ts';
import { viewCopyFactor, viewCopySize, type ViewRoom } from '../view/view-copy.ts';

export interface OpenedImage {
  width: number;
  height: number;
  naturalWidth: number;
  naturalHeight: number;
  hasAlpha: boolean;
}

/** The opened image as a PNG (the designer's file stored as-is when its type cannot be). */
export interface EncodedOpened {
  png: Blob;
  width: number;
  height: number;
}

/** The picture at the size the edit uploads, to show: drawn before its PNG is encoded. */
export interface RenderedSource {
  bitmap: ImageBitmap;
  /** A smaller copy for the zoomed-out stage (view/view-copy.ts); none for a small image. */
  viewCopy?: ImageBitmap;
}

/** The PNG the edit uploads, under the byte limit. */
export interface EncodedUpload {
  png: Blob;
  /** The geometry asked for, or a smaller one when the PNG had to shrink to fit. */
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

function opened(key: string): ImageBitmap {
  const original = originals.get(key);
  if (!original) throw new Error('The image is no longer open; open it again.');
  return original;
}

export const imageTaskHandlers = {
  /**
   * Does nothing: called while the empty editor waits for a file, so that the worker has
   * started (its module fetched, parsed and run) before the file comes.
   */
  async warmUp(): Promise<void> {},

  async open(key: string, blob: Blob, maxEdge: number): Promise<OpenedImage> {
    const decoded = await decodeImage(blob, maxEdge);
    originals.get(key)?.close();
    originals.set(key, decoded.bitmap);
    const { bitmap: _kept, ...info } = decoded;
    return info;
  },

  /**
   * The whole opened image within `maxEdge`, for the crop step. Asked for only when that step
   * comes: a copy of the full picture with every open cost a 12-megapixel photo 35-45 ms.
   */
  async preview(key: string, maxEdge: number): Promise<ImageBitmap> {
    const original = opened(key);
    const scale = Math.min(1, maxEdge / Math.max(original.width, original.height));
    if (scale === 1) return createImageBitmap(original);
    return createImageBitmap(original, {
      resizeWidth: Math.max(1, Math.round(original.width * scale)),
      resizeHeight: Math.max(1, Math.round(original.height * scale)),
      resizeQuality: 'high',
    });
  },

  async encodeOpened(key: string): Promise<EncodedOpened> {
    const original = opened(key);
    const { canvas, ctx } = canvas2d(original.width, original.height);
    ctx.drawImage(original, 0, 0);
    return { png: await encodePng(canvas), width: canvas.width, height: canvas.height };
  },

  /** The opened image drawn at `geometry`, to show while its upload is encoded. */
  async render(key: string, geometry: SourceGeometry, room?: ViewRoom): Promise<RenderedSource> {
    const canvas = renderGeometry(opened(key), geometry);
    const { width, height } = canvas;
    const factor = room ? viewCopyFactor(width, height, room) : null;
    const viewCopy = factor
      ? await createImageBitmap(canvas, {
          ...resizeTo(viewCopySize(width, height, factor)),
          resizeQuality: 'high',
        })
      : undefined;
    return { bitmap: canvas.transferToImageBitmap(), ...(viewCopy ? { viewCopy } : {}) };
  },

  /**
   * The upload's PNG at `geometry`, shrunk in steps while it is `maxBytes` or more. The
   * longest step of an open (a third of a second for a 12-megapixel photo), so it is asked
   * for after the picture is on the stage.
   */
  async encodeUpload(
    key: string,
    geometry: SourceGeometry,
    maxBytes: number,
  ): Promise<EncodedUpload> {
    const {
      png,
      geometry: fitted,
      shrunkFrom,
    } = await prepareUpload(opened(key), geometry, maxBytes);
    return { png, geometry: fitted, ...(shrunkFrom ? { shrunkFrom } : {}) };
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
