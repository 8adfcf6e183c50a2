import { useEffect, useRef, type RefObject } from 'react';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import type { PreviewRequest, PreviewSize } from '../../gallery-store/sharp-previews.ts';
import { tilePicture, type TilePicture } from './tile-picture.ts';
import { watchDevicePixels } from './watch-device-pixels.ts';

/** A tile's size must hold this long before a sharper picture is made for it (a resize drag). */
const STEADY_MS = 120;

// Loaded by the first tile that needs it: at 1x with small tiles, never.
const previews = () => import('../../gallery-store/sharp-previews.ts');

/**
 * Once a tile's `thumbnail` is on `canvasRef` and the tile is on screen (`active`), replaces
 * it with a picture made from the stored image at the tile's device-pixel size, where that
 * has more pixels than the thumbnail (a Large tile on a 2x screen). The canvas keeps its CSS
 * size, so nothing moves. The picture follows the tile's size: made smaller as the tile
 * shrinks, and the thumbnail drawn again once that covers the tile (Large, then Small), so no
 * tile holds a bitmap larger than it. It goes with the tile; leaving the screen before it is
 * made cancels it.
 */
export function useSharpTile(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  entry: Pick<GalleryEntry, 'id' | 'width' | 'height' | 'remote'>,
  thumbnail: Blob | undefined,
  active: boolean,
): void {
  const { id, width, height } = entry;
  const linkOnly = entry.remote !== undefined;
  // The thumbnail's size, read off the canvas while it shows it (it may show a sharp one now).
  const thumbnailSize = useRef<PreviewSize | null>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!active || !canvas || !thumbnail || linkOnly) return;
    if (canvas.dataset.state === 'shown')
      thumbnailSize.current = { width: canvas.width, height: canvas.height };
    const small = thumbnailSize.current;
    // The thumbnail is every pixel the image has.
    if (!small || Math.max(width, height) <= Math.max(small.width, small.height)) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let request: PreviewRequest | undefined;
    let turn = 0;
    const picture = async (next: TilePicture, mine: number): Promise<ImageBitmap | null> => {
      if (next.draw === 'thumbnail') return createImageBitmap(thumbnail);
      const { requestSharpPreview } = await previews();
      if (!live || turn !== mine) return null;
      request = requestSharpPreview(id, next.size);
      return request.bitmap;
    };
    const update = async (box: PreviewSize) => {
      const mine = ++turn;
      request?.cancel();
      request = undefined;
      const next = tilePicture(box, { width, height }, small, canvas);
      if (!next) return;
      const bitmap = await picture(next, mine).catch((error: unknown) => {
        // What the canvas shows stays; the image itself says what is wrong when opened.
        console.warn(`Easel: no ${next.draw} picture for gallery entry ${id}`, error);
        return null;
      });
      if (!bitmap) return;
      if (!live || turn !== mine) return bitmap.close();
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      // Hands the bitmap over, and lets the one shown before go.
      canvas.getContext('bitmaprenderer')?.transferFromImageBitmap(bitmap);
      canvas.dataset.state = next.draw === 'sharp' ? 'sharp' : 'shown';
    };
    const stop = watchDevicePixels(canvas, (box) => {
      clearTimeout(timer);
      timer = setTimeout(() => void update(box), STEADY_MS);
    });
    return () => {
      live = false;
      stop();
      clearTimeout(timer);
      request?.cancel();
    };
  }, [canvasRef, id, width, height, linkOnly, thumbnail, active]);

  // The tile is gone (scrolled away, deleted): its picture's memory goes now, not at a GC.
  useEffect(() => {
    const canvas = canvasRef.current;
    return () => {
      if (canvas?.dataset.state === 'sharp')
        canvas.getContext('bitmaprenderer')?.transferFromImageBitmap(null);
    };
  }, [canvasRef]);
}
