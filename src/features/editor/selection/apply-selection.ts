/**
 * A selection (the wand's, the person selector's) becoming mask pixels: one undo step, at
 * the image's natural size, like any painted region. The selection arrives as `paint`, a
 * picture of its bounds in the mask's colour with alpha 0 or 255 (made off the main thread),
 * so applying it is one drawImage with the right compositing, never a loop over pixels here.
 */
import type { MaskModel } from '../mask/mask-model.ts';
import { context2d, type Rect } from '../mask/paint-canvas.ts';

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

export function applySelection(
  mask: MaskModel,
  selection: SelectionPaint,
  mode: SelectionMode,
  label: string,
): void {
  const { bounds, paint } = selection;
  const whole = { x: 0, y: 0, width: mask.width, height: mask.height };
  if (mode !== 'replace' && (!bounds || !paint)) return; // adding or taking away nothing
  const ctx = context2d(mask.canvas);
  mask.beginChange(label);
  try {
    mask.history.touch(mode === 'replace' ? whole : bounds!);
    if (mode === 'replace') ctx.clearRect(0, 0, mask.width, mask.height);
    if (bounds && paint) {
      ctx.globalCompositeOperation = mode === 'subtract' ? 'destination-out' : 'source-over';
      ctx.drawImage(paint, bounds.x, bounds.y, bounds.width, bounds.height);
    }
  } catch (error) {
    mask.abortChange(); // every pixel back as it was
    throw error;
  } finally {
    ctx.globalCompositeOperation = 'source-over';
  }
  mask.commitChange();
}
