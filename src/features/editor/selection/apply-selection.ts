/**
 * A selection (the wand's, the person selector's) becoming mask pixels: one undo step, at
 * the image's natural size, like any painted region. The selection arrives made off the main
 * thread, as whole-pixel rectangles to fill (few: a wand selection's runs merged) or as
 * `paint`, a picture of its bounds in the mask's colour with alpha 0 or 255; applying it is
 * fills or one drawImage with the right compositing, never a loop over pixels here.
 */
import type { CapturedTile } from '../mask/mask-history.ts';
import type { MaskModel } from '../mask/mask-model.ts';
import type { PaintContext, Rect } from '../mask/paint-canvas.ts';
import { fillRects, type SelectionRects } from './selection-rects.ts';

/** Replace: the selection becomes the mask. Add (Shift): joins it. Subtract (Alt): leaves it. */
export type SelectionMode = 'replace' | 'add' | 'subtract';

export interface SelectionPaint {
  /** Where `paint` goes, in image pixels; null when nothing was selected. */
  bounds: Rect | null;
  paint: CanvasImageSource | null;
  /** Instead of `paint`: rectangles in image pixels, filled with the mask's colour. */
  rects?: SelectionRects | null;
  count: number;
}

/** Draws the selection with the context's compositing, or returns null for an empty one. */
function drawing(selection: SelectionPaint): ((ctx: PaintContext) => void) | null {
  const { bounds, paint, rects } = selection;
  if (rects) return (ctx) => fillRects(ctx, rects);
  if (!bounds || !paint) return null;
  return (ctx) => ctx.drawImage(paint, bounds.x, bounds.y, bounds.width, bounds.height);
}

/**
 * Alt takes away, Shift adds; with neither held, `otherwise`: the mode chosen in the toolbar
 * (a phone or the keyboard pen has no modifier to hold).
 */
export function selectionMode(
  modifiers: { shiftKey: boolean; altKey: boolean },
  otherwise: SelectionMode = 'replace',
): SelectionMode {
  if (modifiers.altKey) return 'subtract';
  return modifiers.shiftKey ? 'add' : otherwise;
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
  const { bounds } = selection;
  const draw = bounds && drawing(selection);
  if (mode !== 'replace' && !draw) return; // adding or taking away nothing
  mask.beginChange(label);
  try {
    if (before) mask.history.adopt(before);
    // Nested in this change: one undo step, and the model notes what changed (for undo and
    // for the session's journal).
    if (mode === 'replace') mask.clear();
    if (bounds && draw)
      mask.paintShape(label, bounds, mode === 'subtract' ? 'erase' : 'paint', draw);
  } catch (error) {
    mask.abortChange(); // every pixel back as it was
    throw error;
  }
  mask.commitChange();
}

/**
 * Redraws the whole mask as `underneath` (the mask before the click just made; nothing for a
 * replace) with `selection` applied by `mode`, in place of that click and as no new undo
 * step: the click's step must already hold every tile as it was before it, so undo still goes
 * back to before the click. (Cheap: no tiles are read, unlike an undo and a new step.)
 */
export function redrawSelection(
  mask: MaskModel,
  selection: SelectionPaint,
  mode: SelectionMode,
  underneath?: CanvasImageSource | null,
): void {
  const draw = drawing(selection);
  mask.redrawInPlace((ctx) => {
    if (underneath && mode !== 'replace') ctx.drawImage(underneath, 0, 0);
    if (!draw) return;
    ctx.globalCompositeOperation = mode === 'subtract' ? 'destination-out' : 'source-over';
    draw(ctx);
    ctx.globalCompositeOperation = 'source-over';
  });
}
