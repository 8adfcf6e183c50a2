/**
 * The requests an extend sends, pure: one for a canvas the model makes in one request (it
 * offers Number of images), else one per frame, each of one image (frames continue one
 * another, so an extend in frames makes one picture). applyExtend sends exactly these, and
 * the cost estimate adds them up.
 */
import type { Dimensions, OperationRules } from '../../../api/model-types.ts';
import type { ImageParams } from '../../../api/params.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import { requestSize, sizeLimits } from './extend-geometry.ts';
import { frameSizes, planFrames, type Frame } from './plan-frames.ts';

/** The layout the last plan was made for, and that plan. */
let last: { rules: OperationRules; key: string; frames: readonly Frame[] | null } | null = null;

/**
 * The frames for this layout (one, the whole canvas, when one request makes it), or null.
 * Extend's blocker, the summary under the canvas size, the estimate and Extend itself all
 * ask for the layout on screen, each with objects of its own, so the last plan is kept by
 * value: a wide canvas tries every frame position on the 16 px grid, once per change.
 */
export function planExtend(
  rules: OperationRules,
  canvas: Dimensions,
  original: Rect,
): readonly Frame[] | null {
  const key = `${canvas.width}x${canvas.height} ${original.x},${original.y} ${original.width}x${original.height}`;
  if (last?.rules === rules && last.key === key) return last.frames;
  const limits = sizeLimits(rules);
  const one = requestSize(canvas, limits);
  const frames = one
    ? [{ x: 0, y: 0, ...canvas, request: one }]
    : planFrames(canvas, original, frameSizes(canvas, limits));
  last = { rules, key, frames };
  return frames;
}

/**
 * Whether the plan is one request of the whole canvas (which offers Number of images). A
 * single frame can also be smaller than the canvas, when it takes in all the new area: it is
 * made like any frame and pasted onto the canvas.
 */
export function makesWholeCanvas(frames: readonly Frame[], canvas: Dimensions): boolean {
  const [only] = frames;
  return (
    frames.length === 1 &&
    only!.x === 0 &&
    only!.y === 0 &&
    only!.width === canvas.width &&
    only!.height === canvas.height
  );
}

/** One frame's request: the size asked for, and n only when one request makes the canvas. */
export function frameParams(params: ImageParams, frame: Frame, whole: boolean): ImageParams {
  return {
    ...params,
    // The frame's own size, or larger of its shape (its answer is scaled to the frame).
    size: `${frame.request.width}x${frame.request.height}`,
    ...(whole ? {} : { n: 1 }),
  };
}

export interface PlannedRequest {
  params: ImageParams;
  /** The images it uploads: the frame cut from the canvas, then the reference images. */
  inputs: Dimensions[];
}

/** Every request the extend sends, in order, for the estimate. */
export function extendRequests(
  params: ImageParams,
  canvas: Dimensions,
  frames: readonly Frame[],
  references: readonly Dimensions[],
): PlannedRequest[] {
  const whole = makesWholeCanvas(frames, canvas);
  return frames.map((frame) => ({
    params: frameParams(params, frame, whole),
    inputs: [{ width: frame.width, height: frame.height }, ...references],
  }));
}
