/**
 * What an extend will take, in words, from the model's size rules and the layout: one
 * request, or how many frames of which size.
 */
import type { Dimensions, OperationRules } from '../../../api/model-types.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import { fitsOneRequest, sizeLimits } from './extend-geometry.ts';
import { planExtend } from './extend-plan.ts';

/**
 * Why Extend cannot be pressed for this layout, or null: a canvas no larger than the picture
 * has nothing to make (the request would redraw the picture for nothing), and one too far
 * beyond it has no plan.
 */
export function extendBlocker(
  rules: OperationRules,
  canvas: Dimensions,
  original: Rect,
): string | null {
  if (canvas.width <= original.width && canvas.height <= original.height) {
    return 'Make the canvas larger than the picture first: drag an edge or pick a shape.';
  }
  if (fitsOneRequest(canvas, sizeLimits(rules))) return null;
  return planExtend(rules, canvas, original)
    ? null
    : 'This canvas is too far beyond the picture for this model: make it smaller.';
}

export function extendSummary(rules: OperationRules, canvas: Dimensions, original: Rect): string {
  const size = `${canvas.width}×${canvas.height}`;
  const limits = sizeLimits(rules);
  if (canvas.width === original.width && canvas.height === original.height) {
    return `${size}: drag an edge or pick a shape to add to the picture.`;
  }
  if (fitsOneRequest(canvas, limits)) return `${size}, made in one request.`;
  const frames = planExtend(rules, canvas, original);
  if (!frames) return `${size} is too far beyond the picture for this model: make it smaller.`;
  const sizes = [...new Set(frames.map((f) => `${f.width}×${f.height}`))].join(' and ');
  if (frames.length === 1) {
    return `${size}, made in one frame of ${sizes} that takes in all the new area.`;
  }
  return `${size}, made in ${frames.length} overlapping frames of ${sizes}, each continuing the last.`;
}
