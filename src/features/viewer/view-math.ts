/**
 * The viewer's geometry, as pure functions: where the picture sits on the stage for a given
 * zoom, and how zooming about a point, panning and fitting move it. A view maps an image
 * pixel (ix, iy) to the stage point (x + ix * scale, y + iy * scale); scale 1 is "100%":
 * one image pixel per CSS pixel.
 */
export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface View {
  scale: number;
  x: number;
  y: number;
}

/** Beyond 1600% nothing more is learnt about a picture; below 5% nothing is seen. */
export const MAX_SCALE = 16;
export const MIN_SCALE = 0.05;

/** The steps +/− walk through (fit slots in between wherever it falls). */
const STEPS = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12, 16];

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The whole picture, as large as the stage allows (small images are enlarged too), centred. */
export function fitView(image: Size, stage: Size): View {
  const scale = clamp(
    Math.min(stage.width / image.width, stage.height / image.height),
    MIN_SCALE,
    MAX_SCALE,
  );
  return centred(image, stage, scale);
}

/**
 * Where a picture sits inside a frame (as a view in the frame's pixels): as large as the frame
 * allows, at its own shape, centred — letterboxed, never stretched.
 */
export function placeIn(frame: Size, picture: Size): View {
  return centred(
    picture,
    frame,
    Math.min(frame.width / picture.width, frame.height / picture.height),
  );
}

/** The box two pictures are compared in: wide enough for the wider, tall enough for the taller. */
export function sharedFrame(a: Size, b: Size): Size {
  return { width: Math.max(a.width, b.width), height: Math.max(a.height, b.height) };
}

/** A placement inside the frame, then the frame's view: one transform for a layer. */
export function compose(view: View, placement: View): View {
  return {
    scale: view.scale * placement.scale,
    x: view.x + placement.x * view.scale,
    y: view.y + placement.y * view.scale,
  };
}

/** The picture at `scale`, centred on the stage. */
export function centred(image: Size, stage: Size, scale: number): View {
  return {
    scale,
    x: (stage.width - image.width * scale) / 2,
    y: (stage.height - image.height * scale) / 2,
  };
}

/**
 * Keeps the picture on the stage: along an axis where it is smaller than the stage it is
 * centred; where it is larger, no gap may open between its edge and the stage's.
 */
export function clampView(view: View, image: Size, stage: Size): View {
  const axis = (offset: number, length: number, room: number) =>
    length <= room ? (room - length) / 2 : clamp(offset, room - length, 0);
  return {
    scale: view.scale,
    x: axis(view.x, image.width * view.scale, stage.width),
    y: axis(view.y, image.height * view.scale, stage.height),
  };
}

/** Zooms to `scale` keeping the image pixel under `anchor` (a stage point) where it is. */
export function zoomAt(view: View, scale: number, anchor: Point): View {
  const next = clamp(scale, MIN_SCALE, MAX_SCALE);
  const k = next / view.scale;
  return {
    scale: next,
    x: anchor.x - (anchor.x - view.x) * k,
    y: anchor.y - (anchor.y - view.y) * k,
  };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** The next zoom step above (direction 1) or below (-1) the current scale, fit included. */
export function stepScale(scale: number, fit: number, direction: 1 | -1): number {
  const steps = [...STEPS, fit].sort((a, b) => a - b);
  // A little tolerance, so 99.99% after a pinch still steps to 150%, not to 100%.
  const found =
    direction === 1
      ? steps.find((s) => s > scale * 1.001)
      : [...steps].reverse().find((s) => s < scale * 0.999);
  return found ?? (direction === 1 ? MAX_SCALE : MIN_SCALE);
}

/** The image pixel under a stage point (for tests and the pixel readout). */
export function imagePointAt(view: View, point: Point): Point {
  return { x: (point.x - view.x) / view.scale, y: (point.y - view.y) / view.scale };
}
