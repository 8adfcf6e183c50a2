import type { PreviewSize } from '../../gallery-store/sharp-previews.ts';

/** What a tile's canvas should draw next: its thumbnail again, or a picture of `size`. */
export type TilePicture = { draw: 'thumbnail' } | { draw: 'sharp'; size: PreviewSize };

/**
 * What a tile of `box` device pixels should draw, or null to keep what it draws (`shown`: the
 * thumbnail, or an earlier sharp picture). The picture is fitted inside the box (object-fit:
 * contain), never beyond the image's own size. Where the thumbnail covers the box (the tile
 * went back to Small), it draws the thumbnail again, and a larger picture's memory goes; a
 * sharp picture follows the box down as it does up. A pixel of rounding is not worth a decode.
 */
export function tilePicture(
  box: PreviewSize,
  image: PreviewSize,
  thumbnail: PreviewSize,
  shown: PreviewSize,
): TilePicture | null {
  if (box.width <= 0 || box.height <= 0 || image.width <= 0 || image.height <= 0) return null;
  const scale = Math.min(1, box.width / image.width, box.height / image.height);
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const near = (a: PreviewSize) =>
    Math.abs(width - a.width) <= 1 && Math.abs(height - a.height) <= 1;
  if (width <= thumbnail.width + 1 && height <= thumbnail.height + 1) {
    const onThumbnail = shown.width === thumbnail.width && shown.height === thumbnail.height;
    return onThumbnail ? null : { draw: 'thumbnail' };
  }
  return near(shown) ? null : { draw: 'sharp', size: { width, height } };
}
