import type { Point } from '../mask/mask-model.ts';
import type { MaskTool } from '../tools/mask-tool.ts';
import type { ViewTransform } from '../view/view-transform.ts';

/** The stage input's states (see stage-input.ts for the transitions). */
export type StageState =
  | { name: 'idle' }
  | { name: 'painting'; pointerId: number; pointerType: string }
  | { name: 'panning'; pointerId: number; last: Point }
  | { name: 'pinching'; pair: [Point, Point] }
  /** The keyboard pen has the tool down (Enter … Enter). */
  | { name: 'keyPainting' };

/** What the keyboard pen reads and moves of the stage input. */
export interface PenStage {
  state: StageState;
  hover: Point | null;
  readonly tool: MaskTool;
  view(): ViewTransform;
  overlay(): void;
  updateCursor(): void;
}
