import { useEffect, type RefObject } from 'react';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import type { PreviewRequest } from '../../gallery-store/sharp-previews.ts';
import { sharpPreviewSize } from './sharp-preview-size.ts';
import { watchDevicePixels } from './watch-device-pixels.ts';

/** A tile's size must hold this long before a sharper picture is made for it (a resize drag). */
const STEADY_MS = 120;

// Loaded by the first tile that needs it: at 1x with small tiles, never.
const previews = () => import('../../gallery-store/sharp-previews.ts');

/**
 * Once a tile's thumbnail is on `canvasRef` and the tile is on screen (`active`), replaces it
 * with a picture made from the stored image at the tile's device-pixel size, where that has
 * more pixels than the thumbnail (a Large tile on a 2x screen). The canvas keeps its CSS
 * size, so nothing moves; the picture goes with the tile. Leaving the screen before it is
 * made cancels it.
 */
export function useSharpTile(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  entry: Pick<GalleryEntry, 'id' | 'width' | 'height' | 'remote'>,
  active: boolean,
): void {
  const { id, width, height } = entry;
  const linkOnly = entry.remote !== undefined;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!active || !canvas || linkOnly) return;
    // The thumbnail is every pixel the image has.
    if (Math.max(width, height) <= Math.max(canvas.width, canvas.height)) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let request: PreviewRequest | undefined;
    const sharpen = async (box: { width: number; height: number }) => {
      request?.cancel();
      request = undefined;
      const size = sharpPreviewSize(box, { width, height }, canvas);
      if (!size) return;
      const { requestSharpPreview } = await previews();
      if (!live) return;
      const mine = (request = requestSharpPreview(id, size));
      const bitmap = await mine.bitmap.catch((error: unknown) => {
        // The thumbnail stays; the image itself says what is wrong when opened.
        console.warn(`Easel: no sharp preview for gallery entry ${id}`, error);
        return null;
      });
      if (!bitmap) return;
      if (!live || request !== mine) return bitmap.close();
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('bitmaprenderer')?.transferFromImageBitmap(bitmap);
      canvas.dataset.state = 'sharp';
    };
    const stop = watchDevicePixels(canvas, (box) => {
      clearTimeout(timer);
      timer = setTimeout(() => void sharpen(box), STEADY_MS);
    });
    return () => {
      live = false;
      stop();
      clearTimeout(timer);
      request?.cancel();
    };
  }, [canvasRef, id, width, height, linkOnly, active]);

  // The tile is gone (scrolled away, deleted): its picture's memory goes now, not at a GC.
  useEffect(() => {
    const canvas = canvasRef.current;
    return () => {
      if (canvas?.dataset.state === 'sharp')
        canvas.getContext('bitmaprenderer')?.transferFromImageBitmap(null);
    };
  }, [canvasRef]);
}
