/**
 * The prepared image's view copy: a smaller copy, made by the image worker with the image
 * itself, that the stage draws whenever the zoom shows no more detail than it has. Fitted
 * to the window, an 8000x8000 picture is drawn at 4096² — 64 MB that the browser scaled down
 * on the main thread for the first frame (a 100 ms task) and again whenever the stage
 * repaints. Zoomed in past the copy's resolution the stage draws the image itself, so at
 * 100 % every pixel is the image's own.
 */

/** Room in device pixels the stage can have at most (the window's inner size × dpr). */
export interface ViewRoom {
  width: number;
  height: number;
}

/**
 * How many image pixels one copy pixel stands for: the largest power of two that still
 * leaves the copy at least as many pixels as the image fitted into `room` shows (the fit is
 * the smaller of the two ratios). Null when halving once would already lose detail at fit.
 */
export function viewCopyFactor(width: number, height: number, room: ViewRoom): number | null {
  const shown = Math.min(room.width / width, room.height / height);
  if (!(shown > 0) || shown > 0.5) return null;
  return 2 ** Math.floor(Math.log2(1 / shown));
}

/** The copy's size for `factor` (rounded up: never fewer pixels than the image / factor). */
export function viewCopySize(width: number, height: number, factor: number) {
  return {
    width: Math.max(1, Math.ceil(width / factor)),
    height: Math.max(1, Math.ceil(height / factor)),
  };
}

/**
 * Whether the stage can draw `copy` for an image `width`x`height` shown at `scale` CSS px
 * per image px on a `dpr` screen: the copy has at least one pixel per device pixel shown.
 */
export function drawsViewCopy(
  copy: { width: number; height: number },
  width: number,
  height: number,
  scale: number,
  dpr: number,
): boolean {
  const shown = scale * dpr;
  return shown > 0 && shown <= Math.min(copy.width / width, copy.height / height);
}
