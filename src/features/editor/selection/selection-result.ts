import type { SelectionPaint } from './apply-selection.ts';

/** A selection as a worker sends it back: the paint of its bounds, moved (not copied). */
export interface SelectionResult extends SelectionPaint {
  paint: ImageBitmap | null;
}
