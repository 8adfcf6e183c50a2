/**
 * When the picture itself must be square: a square-only model (DALL·E 2, its `images.square`
 * rule) sending an edit. An extend is sent in frames of the model's own sizes cut from the
 * new canvas (square for DALL·E 2), so the picture in it may have any shape.
 */
import type { OperationRules } from '../../../api/model-types.ts';

export function needsSquarePicture(rules: OperationRules | undefined, extending: boolean): boolean {
  return rules?.images?.square === true && !extending;
}
