/**
 * Which copy of the image the stage draws. Zoomed far out, the browser would scale the whole
 * full-size bitmap (an 8000x8000 image is 256 MB) down to the view in every frame it paints;
 * a copy halved until it is just above the view's resolution draws the same picture for a
 * fraction of the work. Halvings only, so zooming does not ask for a new copy at every step.
 */
export interface CopySize {
  width: number;
  height: number;
  /** How many image pixels one copy pixel stands for (a power of two, ≥ 2). */
  factor: number;
}

/** Below this many device pixels per image pixel the stage draws a copy. */
const COPY_BELOW = 0.5;

/**
 * The copy for an image `width`x`height` shown at `scale` CSS pixels per image pixel on a
 * screen of `dpr`, or null to draw the image itself (close to 100 % every pixel matters).
 * The copy never has fewer pixels than the screen shows: its factor is ≤ 1 / (scale·dpr).
 */
export function viewCopySize(
  width: number,
  height: number,
  scale: number,
  dpr: number,
): CopySize | null {
  const shown = scale * dpr;
  if (!(shown > 0) || shown >= COPY_BELOW) return null;
  const factor = 2 ** Math.floor(Math.log2(1 / shown));
  return {
    width: Math.max(1, Math.ceil(width / factor)),
    height: Math.max(1, Math.ceil(height / factor)),
    factor,
  };
}
