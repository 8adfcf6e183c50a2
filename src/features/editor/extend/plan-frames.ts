/**
 * Frames for an extend larger than one request: a sequence of request-sized rectangles on
 * the canvas, each made in turn so it sees what the previous ones made. Each frame holds at
 * least a third of pixels already known (the original or earlier frames) so the model
 * continues the picture instead of inventing a new one (or holds the whole original, like a
 * single request would), and adds as much new area as it can (greedy; ties go to the frame
 * nearest the original). Pure; works on 16 px cells.
 *
 * A frame is a part of the canvas and the size the model is asked for (extend-geometry.ts's
 * requestSize): the same, or larger of the same shape when the part is smaller than the
 * model makes (its answer is scaled down to the part).
 */
import type { Dimensions } from '../../../api/model-types.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import { largestOfShape, requestSize, SIZE_STEP, type SizeLimits } from './extend-geometry.ts';

export const MIN_KNOWN_SHARE = 1 / 3;

/** A part of the canvas one request makes, and the size asked of the model for it. */
export interface FrameSize extends Dimensions {
  request: Dimensions;
}

export interface Frame extends Rect {
  request: Dimensions;
}

/**
 * The frames an extend may use, each within the canvas: for a fixed-size model, each of its
 * sizes, or the largest part of that shape the canvas holds; for a free-size model the
 * largest landscape and portrait frames its rule allows.
 */
export function frameSizes(canvas: Dimensions, limits: SizeLimits): FrameSize[] {
  const parts: Dimensions[] = [];
  if (limits.kind === 'fixed') {
    for (const size of limits.sizes) {
      const part = largestOfShape(size, canvas);
      if (part && !parts.some((p) => p.width === part.width && p.height === part.height)) {
        parts.push(part);
      }
    }
  } else {
    const { maxEdge, maxPixels, maxAspect } = limits.rule;
    const down = (v: number) => Math.floor(v / SIZE_STEP) * SIZE_STEP;
    const largest = (long: number, across: number) => {
      const a = Math.min(long, maxEdge);
      const b = Math.min(across, Math.floor(maxPixels / a), maxEdge);
      return [down(Math.min(a, b * maxAspect)), down(Math.min(b, a * maxAspect))] as const;
    };
    const [lw, lh] = largest(canvas.width, canvas.height);
    const [ph, pw] = largest(canvas.height, canvas.width);
    parts.push({ width: lw, height: lh }, { width: pw, height: ph });
  }
  return parts.flatMap((part) => {
    const request = part.width > 0 && part.height > 0 ? requestSize(part, limits) : null;
    return request ? [{ ...part, request }] : [];
  });
}

export function planFrames(
  canvas: Dimensions,
  original: Rect,
  sizes: readonly FrameSize[],
): Frame[] | null {
  const cw = Math.ceil(canvas.width / SIZE_STEP);
  const ch = Math.ceil(canvas.height / SIZE_STEP);
  const known = new Uint8Array(cw * ch);
  // A cell counts as known when the original covers it wholly (its edge cells are partly
  // new: they are made by the frames).
  const x0 = Math.ceil(original.x / SIZE_STEP);
  const y0 = Math.ceil(original.y / SIZE_STEP);
  const x1 = Math.floor((original.x + original.width) / SIZE_STEP);
  const y1 = Math.floor((original.y + original.height) / SIZE_STEP);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) known[y * cw + x] = 1;
  const centre = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
  const holdsOriginal = (x: number, y: number, fw: number, fh: number) =>
    x <= x0 && y <= y0 && x + fw >= x1 && y + fh >= y1;
  const frames: Frame[] = [];
  let unknown = known.length - known.reduce((s, v) => s + v, 0);
  while (unknown > 0) {
    const sums = summedArea(known, cw, ch);
    let best: { x: number; y: number; size: FrameSize; gain: number; distance: number } | null =
      null;
    for (const size of sizes) {
      const fw = Math.floor(size.width / SIZE_STEP);
      const fh = Math.floor(size.height / SIZE_STEP);
      for (let y = 0; y + fh <= ch; y++) {
        for (let x = 0; x + fw <= cw; x++) {
          const have = sums(x, y, fw, fh);
          const gain = fw * fh - have;
          if (gain === 0) continue;
          if (have < fw * fh * MIN_KNOWN_SHARE && !holdsOriginal(x, y, fw, fh)) continue;
          const distance = Math.hypot(x + fw / 2 - centre.x, y + fh / 2 - centre.y);
          if (!best || gain > best.gain || (gain === best.gain && distance < best.distance)) {
            best = { x, y, size, gain, distance };
          }
        }
      }
    }
    if (!best) return null; // no frame can see enough of the picture: the canvas is too far out
    const fw = Math.floor(best.size.width / SIZE_STEP);
    const fh = Math.floor(best.size.height / SIZE_STEP);
    for (let y = best.y; y < best.y + fh; y++) {
      for (let x = best.x; x < best.x + fw; x++) known[y * cw + x] = 1;
    }
    unknown -= best.gain;
    // Frames are placed on the 16 px grid; the last row or column is pulled back inside.
    frames.push({
      x: Math.min(best.x * SIZE_STEP, canvas.width - best.size.width),
      y: Math.min(best.y * SIZE_STEP, canvas.height - best.size.height),
      width: best.size.width,
      height: best.size.height,
      request: best.size.request,
    });
  }
  return frames;
}

/** A summed-area table over the grid: sum(x, y, w, h) in O(1). */
function summedArea(grid: Uint8Array, w: number, h: number) {
  const s = new Int32Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += grid[y * w + x]!;
      s[(y + 1) * (w + 1) + x + 1] = s[y * (w + 1) + x + 1]! + row;
    }
  }
  return (x: number, y: number, fw: number, fh: number) =>
    s[(y + fh) * (w + 1) + x + fw]! -
    s[y * (w + 1) + x + fw]! -
    s[(y + fh) * (w + 1) + x]! +
    s[y * (w + 1) + x]!;
}
