/**
 * Where an editor source's pixels come from in the original image, as one small affine
 * placement: source pixel (u, v) shows original pixel (originX + u * scale, originY + v * scale).
 * Cropping, padding and scaling are all placements, and so is moving a painted mask from
 * one preparation of the image to another (crop → pad, or a smaller upload size).
 */

export interface SourceGeometry {
  /** The prepared source's size in pixels. */
  width: number;
  height: number;
  /** Where its top-left corner falls in the original (negative when padded). */
  originX: number;
  originY: number;
  /** Original pixels per source pixel (> 1 when scaled down). */
  scale: number;
}

export interface SquareCrop {
  x: number;
  y: number;
  side: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The size that fits `maxEdge` on the long side, never enlarged. */
export function fitSize(width: number, height: number, maxEdge: number) {
  const k = Math.min(1, maxEdge / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * k)),
    height: Math.max(1, Math.round(height * k)),
  };
}

/** The whole image, scaled down to `maxEdge` if it is larger. */
export function wholeImage(width: number, height: number, maxEdge: number): SourceGeometry {
  const size = fitSize(width, height, maxEdge);
  return { ...size, originX: 0, originY: 0, scale: width / size.width };
}

/** The largest centred square: where the crop step starts. */
export function centredSquare(width: number, height: number): SquareCrop {
  const side = Math.min(width, height);
  return {
    x: Math.floor((width - side) / 2),
    y: Math.floor((height - side) / 2),
    side,
  };
}

/** Keeps a square crop whole-pixel, at least 16 px, and inside the image. */
export function clampSquare(crop: SquareCrop, width: number, height: number): SquareCrop {
  const side = Math.round(
    Math.max(Math.min(16, width, height), Math.min(crop.side, width, height)),
  );
  return {
    side,
    x: Math.round(Math.min(Math.max(0, crop.x), width - side)),
    y: Math.round(Math.min(Math.max(0, crop.y), height - side)),
  };
}

/** A square region of the original, scaled down to `maxEdge`. */
export function cropToSquare(crop: SquareCrop, maxEdge: number): SourceGeometry {
  const side = Math.min(crop.side, maxEdge);
  return { width: side, height: side, originX: crop.x, originY: crop.y, scale: crop.side / side };
}

/** The whole original centred on a transparent square, scaled down to `maxEdge`. */
export function padToSquare(width: number, height: number, maxEdge: number): SourceGeometry {
  const long = Math.max(width, height);
  const side = Math.min(long, maxEdge);
  return {
    width: side,
    height: side,
    originX: (width - long) / 2,
    originY: (height - long) / 2,
    scale: long / side,
  };
}

/** The same framing at a smaller size (for an upload that must shrink to fit a byte limit). */
export function shrink(geometry: SourceGeometry, factor: number): SourceGeometry {
  const width = Math.max(1, Math.round(geometry.width * factor));
  const height = Math.max(1, Math.round(geometry.height * factor));
  return { ...geometry, width, height, scale: (geometry.scale * geometry.width) / width };
}

/** The part of the original a geometry shows, for drawImage's source rectangle. */
export function sourceRect(geometry: SourceGeometry): Box {
  return {
    x: geometry.originX,
    y: geometry.originY,
    width: geometry.width * geometry.scale,
    height: geometry.height * geometry.scale,
  };
}

/**
 * Where a picture laid out by `from` lands in the pixels of `to` (both over the same
 * original): draw it at this box to carry a painted mask across a re-crop or a resize.
 */
export function placementBetween(from: SourceGeometry, to: SourceGeometry): Box {
  return {
    x: (from.originX - to.originX) / to.scale,
    y: (from.originY - to.originY) / to.scale,
    width: (from.width * from.scale) / to.scale,
    height: (from.height * from.scale) / to.scale,
  };
}
