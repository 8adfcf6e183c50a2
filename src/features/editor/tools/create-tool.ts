import type { MaskModel } from '../mask/mask-model.ts';
import { createBrushTool } from './brush-tool.ts';
import { createLassoTool } from './lasso-tool.ts';
import type { MaskTool, ToolId } from './mask-tool.ts';
import { createRectangleTool } from './rectangle-tool.ts';
import { createWandTool } from './wand-tool.ts';
import { wandSession } from '../selection/editor-selection.ts';
import { useSelectionStore } from '../selection/selection-store.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { useToolStore } from '../stores/tool-store.ts';

const clears = () => useToolStore.getState().shapeMode === 'clear';

/** The mask tool for a toolbar choice, painting into this mask. */
export function createTool(id: ToolId, mask: MaskModel): MaskTool {
  switch (id) {
    case 'brush':
      return createBrushTool(mask, 'paint');
    case 'eraser':
      return createBrushTool(mask, 'erase');
    case 'rectangle':
      return createRectangleTool(mask, clears);
    case 'lasso':
      return createLassoTool(mask, clears);
    case 'wand':
      return createWandTool(
        mask,
        () => useSessionStore.getState().prepared?.bitmap ?? null,
        (click) => void wandSession.click(click),
        () => useSelectionStore.getState().wandMode,
      );
  }
}
