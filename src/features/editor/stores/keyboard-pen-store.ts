/**
 * What the keyboard pen shows outside the canvas (the hint bar under it): whether the
 * keyboard is driving the canvas, where the crosshair is and whether the tool is down.
 * The stage input hook writes it; nothing here reaches the mask.
 */
import { create } from 'zustand';
import type { Point } from '../mask/mask-model.ts';

interface KeyboardPenState {
  /** The canvas has keyboard focus (the hint is shown). */
  active: boolean;
  /** The crosshair in image pixels, or null before the first move. */
  cursor: Point | null;
  /** The tool is down: moves paint (brush, eraser) or shape the rectangle or lasso. */
  down: boolean;
}

export const useKeyboardPenStore = create<KeyboardPenState>(() => ({
  active: false,
  cursor: null,
  down: false,
}));

/** The stage's element id, so a button can hand it the keyboard. */
export const MASK_CANVAS_ID = 'mask-canvas';

/** "Paint with the keyboard": focuses the canvas and shows the crosshair and its keys. */
export function startKeyboardPen(): void {
  document.getElementById(MASK_CANVAS_ID)?.focus();
  useKeyboardPenStore.setState({ active: true });
}
