/**
 * How the edit's model takes the opened image: whole, or, for a model that takes only
 * squares (its `images.square` rule), cropped or padded to a square as the designer chose —
 * and at most how large.
 */
import {
  cropToSquare,
  padToSquare,
  wholeImage,
  type SourceGeometry,
} from '../../../lib/image-geometry.ts';
import type { SquareChoice } from '../stores/session-store.ts';

/** The editor's own ceiling: a 4096 px mask is 64 MB of canvas; larger images are scaled. */
export const WORKING_MAX_EDGE = 4096;

/**
 * The geometry to prepare `image` in, or 'square step' when a square-only model needs the
 * designer's crop-or-pad answer first (a square image needs none).
 */
export function framingFor(
  image: { width: number; height: number },
  model: { square: boolean; sizes: readonly string[] },
  squareChoice: SquareChoice | null,
): SourceGeometry | 'square step' {
  const { width, height } = image;
  if (!model.square) return wholeImage(width, height, WORKING_MAX_EDGE);
  if (width !== height && !squareChoice) return 'square step';
  // A square-only model (dall-e-2) has square sizes; its largest is as large as it takes.
  const maxEdge = Math.max(...model.sizes.map((s) => parseInt(s, 10) || 0));
  if (squareChoice?.kind === 'crop') return cropToSquare(squareChoice.crop, maxEdge);
  if (squareChoice?.kind === 'pad') return padToSquare(width, height, maxEdge);
  return wholeImage(width, height, maxEdge);
}
