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

/** The frames for this layout (one, the whole canvas, when one request makes it), or null. */
export function planExtend(
  rules: OperationRules,
  canvas: Dimensions,
  original: Rect,
): Frame[] | null {
  const limits = sizeLimits(rules);
  const one = requestSize(canvas, limits);
  return one
    ? [{ x: 0, y: 0, ...canvas, request: one }]
    : planFrames(canvas, original, frameSizes(canvas, limits));
}

/** One frame's request: the size asked for, and n only when one request makes the canvas. */
export function frameParams(params: ImageParams, frame: Frame, frames: number): ImageParams {
  return {
    ...params,
    // The frame's own size, or larger of its shape (its answer is scaled to the frame).
    size: `${frame.request.width}x${frame.request.height}`,
    ...(frames === 1 ? {} : { n: 1 }),
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
  frames: readonly Frame[],
  references: readonly Dimensions[],
): PlannedRequest[] {
  return frames.map((frame) => ({
    params: frameParams(params, frame, frames.length),
    inputs: [{ width: frame.width, height: frame.height }, ...references],
  }));
}
