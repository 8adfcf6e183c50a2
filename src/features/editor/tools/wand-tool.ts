/**
 * The magic wand as a mask tool: a press is a click (the selection itself happens in the
 * selection worker and reaches the mask when it is ready); dragging does nothing more.
 */
import type { MaskModel } from '../mask/mask-model.ts';
import { selectionMode, type SelectionMode } from '../selection/apply-selection.ts';
import type { WandClick } from '../selection/wand-session.ts';
import type { MaskTool } from './mask-tool.ts';

export function createWandTool(
  mask: MaskModel,
  picture: () => ImageBitmap | null,
  click: (click: WandClick) => void,
  /** The mode chosen in the toolbar, for a click with no Shift or Alt held. */
  chosenMode: () => SelectionMode = () => 'replace',
): MaskTool {
  return {
    id: 'wand',
    label: 'Magic wand',
    cursor: 'crosshair',
    whenInterrupted: 'keep',
    gesture: 'click',
    state: 'idle',
    pointerDown(seed, options) {
      const bitmap = picture();
      if (!bitmap) return;
      const mode = selectionMode(
        { shiftKey: options.add ?? false, altKey: options.subtract },
        chosenMode(),
      );
      click({ mask, picture: bitmap, seed, mode });
    },
    pointerMove() {},
    pointerUp() {},
    cancel() {},
    preview: () => null,
  };
}
