/**
 * A selection (the wand's, the person selector's) becoming mask pixels: one undo step, at
 * the image's natural size, like any painted region. The selection arrives as `paint`, a
 * picture of its bounds in the mask's colour with alpha 0 or 255 (made off the main thread),
 * so applying it is one drawImage with the right compositing, never a loop over pixels here.
 */
import type { CapturedTile } from '../mask/mask-history.ts';
import type { MaskModel } from '../mask/mask-model.ts';
import type { Rect } from '../mask/paint-canvas.ts';

/** Replace: the selection becomes the mask. Add (Shift): joins it. Subtract (Alt): leaves it. */
export type SelectionMode = 'replace' | 'add' | 'subtract';

export interface SelectionPaint {
  /** Where `paint` goes, in image pixels; null when nothing was selected. */
  bounds: Rect | null;
  paint: CanvasImageSource | null;
  count: number;
}

export function selectionMode(modifiers: { shiftKey: boolean; altKey: boolean }): SelectionMode {
  if (modifiers.altKey) return 'subtract';
  return modifiers.shiftKey ? 'add' : 'replace';
}

/**
 * `before`: the mask's tiles as they are now, captured off the main thread (undo-capture.ts);
 * any tile it lacks is read here, as for any change.
 */
export function applySelection(
  mask: MaskModel,
  selection: SelectionPaint,
  mode: SelectionMode,
  label: string,
  before?: readonly CapturedTile[] | null,
): void {
  const { bounds, paint } = selection;
  if (mode !== 'replace' && (!bounds || !paint)) return; // adding or taking away nothing
  mask.beginChange(label);
  try {
    if (before) mask.history.adopt(before);
    // Nested in this change: one undo step, and the model notes what changed (for undo and
    // for the session's journal).
    if (mode === 'replace') mask.clear();
    if (bounds && paint)
      mask.paintImage(label, paint, bounds, mode === 'subtract' ? 'erase' : 'paint');
  } catch (error) {
    mask.abortChange(); // every pixel back as it was
    throw error;
  }
  mask.commitChange();
}

/**
 * Draws `selection` as the whole mask in place of the replace just made, as no new undo step:
 * that replace's step already holds every tile as it was before it, so undo still goes back
 * to before the first click. (Cheap: no tiles are read, unlike an undo and a new step.)
 */
export function redrawReplacement(mask: MaskModel, selection: SelectionPaint): void {
  mask.redrawInPlace(selection.paint, selection.bounds);
}
