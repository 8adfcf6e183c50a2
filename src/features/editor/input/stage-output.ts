import type { Point } from '../mask/mask-model.ts';
import type { ToolPreview } from '../tools/mask-tool.ts';

/** The stage's pointer cursor: the brush ring hides the system one ('none'). */
export type StageCursor = 'grabbing' | 'grab' | 'none' | 'crosshair';

/** What the stage input changes on screen; the stage component supplies it, tests a fake. */
export interface StageOutput {
  /** Repaint the mask layer (the paint canvas changed). */
  redrawMask: () => void;
  /**
   * Move the brush ring (image coordinates, null = hidden), draw the tool's preview, and the
   * keyboard pen's crosshair (null = the keyboard is not driving).
   */
  drawOverlay: (cursor: Point | null, preview: ToolPreview | null, pen: Point | null) => void;
  setCursor: (cursor: StageCursor) => void;
  /** Keep sending this pointer's events to the stage while it is down, even outside it. */
  capturePointer: (pointerId: number) => void;
}
