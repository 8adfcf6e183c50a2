/**
 * Registration check: did the model keep the picture where it was? GPT image models are
 * meant to map pixels 1:1, but have been seen to shift or reframe the picture. Pasting the
 * original back over a shifted result doubles every edge along the seam, so before
 * composing, the unpainted area of the result is compared with the original at small
 * offsets: normalised cross-correlation, on a sparse grid of pixels, of the luminance's
 * detail (each pixel minus the mean of its neighbours two pixels away). Detail is what a
 * misaligned paste doubles; a colour cast does not change it, and a broad gradient, which
 * still correlates after a zoom, is left out of it.
 *
 * - aligned: the best match is in place (or the picture is too flat to tell);
 * - shifted: the best match is a whole-pixel offset; compose realigns the result first;
 * - reframed: nothing matches well (rescaled, rotated, recomposed); compose must not paste.
 */

export interface Registration {
  kind: 'aligned' | 'shifted' | 'reframed';
  /** The result's content at (x + dx, y + dy) matches the original's at (x, y). */
  dx: number;
  dy: number;
  /** Correlation at the best offset, -1..1 (1 when too flat to measure). */
  score: number;
}

export const MAX_SHIFT = 4;
/** Below this the unpainted areas are not the same picture. */
export const REFRAMED_BELOW = 0.5;
/** A shift must beat "in place" by this much to count (noise and blur lower both alike). */
const SHIFT_MARGIN = 0.03;
const SAMPLES = 12_000;
/** Detail (levels, standard deviation) below which a picture is too flat to register. */
const FLAT_DETAIL = 1;
/**
 * Only a picture with this much detail can be called shifted or reframed: in a smoother one
 * the model's noise alone moves the correlation (a hazy sky must not be realigned or
 * refused on a chance), and there a pixel's shift does not show anyway.
 */
const FIRM_DETAIL = 4;

const luma = (rgba: ArrayLike<number>, p: number) =>
  0.299 * rgba[p * 4]! + 0.587 * rgba[p * 4 + 1]! + 0.114 * rgba[p * 4 + 2]!;
const REACH = 2;
const detail = (rgba: ArrayLike<number>, p: number, width: number) =>
  luma(rgba, p) -
  0.25 *
    (luma(rgba, p - REACH) +
      luma(rgba, p + REACH) +
      luma(rgba, p - REACH * width) +
      luma(rgba, p + REACH * width));

/**
 * `usable(p)`: whether pixel p is far enough from the edited area that original and result
 * should show the same thing there.
 */
export function checkRegistration(
  original: ArrayLike<number>,
  result: ArrayLike<number>,
  width: number,
  height: number,
  usable: (p: number) => boolean,
): Registration {
  const stride = Math.max(1, Math.floor(Math.sqrt((width * height) / SAMPLES)));
  const points: number[] = [];
  const margin = MAX_SHIFT + REACH;
  for (let y = margin; y < height - margin; y += stride) {
    for (let x = margin; x < width - margin; x += stride) {
      const p = y * width + x;
      if (usable(p)) points.push(p);
    }
  }
  const a = Float64Array.from(points, (p) => detail(original, p, width));
  const aMean = a.reduce((s, v) => s + v, 0) / (a.length || 1);
  let aVar = 0;
  for (let k = 0; k < a.length; k++) aVar += (a[k]! - aMean) ** 2;
  if (points.length < 50 || Math.sqrt(aVar / points.length) < FLAT_DETAIL) {
    return { kind: 'aligned', dx: 0, dy: 0, score: 1 };
  }

  const b = new Float64Array(points.length);
  const correlation = (dx: number, dy: number) => {
    let bMean = 0;
    for (let k = 0; k < points.length; k++) {
      b[k] = detail(result, points[k]! + dy * width + dx, width);
      bMean += b[k]!;
    }
    bMean /= points.length;
    let cross = 0;
    let bVar = 0;
    for (let k = 0; k < points.length; k++) {
      const db = b[k]! - bMean;
      cross += (a[k]! - aMean) * db;
      bVar += db * db;
    }
    return bVar === 0 ? 0 : cross / Math.sqrt(aVar * bVar);
  };

  const inPlace = correlation(0, 0);
  let best = { dx: 0, dy: 0, score: inPlace };
  for (let dy = -MAX_SHIFT; dy <= MAX_SHIFT; dy++) {
    for (let dx = -MAX_SHIFT; dx <= MAX_SHIFT; dx++) {
      if (dx === 0 && dy === 0) continue;
      const score = correlation(dx, dy);
      if (score > best.score) best = { dx, dy, score };
    }
  }
  const firm = Math.sqrt(aVar / points.length) >= FIRM_DETAIL;
  if (firm && best.score < REFRAMED_BELOW) return { kind: 'reframed', ...best };
  if ((best.dx || best.dy) && best.score > inPlace + SHIFT_MARGIN)
    return { kind: 'shifted', ...best };
  return { kind: 'aligned', dx: 0, dy: 0, score: inPlace };
}

/** The result moved so that its (x + dx, y + dy) lands on (x, y); edges repeat. */
export function realign(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  dx: number,
  dy: number,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(rgba.length);
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4);
  const outWords = new Uint32Array(out.buffer);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(height - 1, Math.max(0, y + dy));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(width - 1, Math.max(0, x + dx));
      outWords[y * width + x] = words[sy * width + sx]!;
    }
  }
  return out;
}
