import type { PreviewSize } from '../../gallery-store/sharp-previews.ts';

/**
 * The size, in device pixels, of the picture a tile should draw, or null when what it draws
 * already has enough pixels. The picture is fitted inside the tile's box (object-fit:
 * contain), never beyond the image's own size; `shown` is what the canvas holds now (the
 * thumbnail, or an earlier sharp picture). A pixel of rounding is not worth a decode.
 */
export function sharpPreviewSize(
  box: PreviewSize,
  image: PreviewSize,
  shown: PreviewSize,
): PreviewSize | null {
  if (box.width <= 0 || box.height <= 0 || image.width <= 0 || image.height <= 0) return null;
  const scale = Math.min(1, box.width / image.width, box.height / image.height);
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  if (width <= shown.width + 1 && height <= shown.height + 1) return null;
  return { width, height };
}
