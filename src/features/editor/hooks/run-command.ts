import type { CommandEffect, EditorCommand } from '../commands/editor-command.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { useStageViewStore, zoomIn, zoomOut } from '../stores/stage-view-store.ts';
import { useToolStore } from '../stores/tool-store.ts';

/** Runs a command against the current editor state and applies the effect it returns. */
export function runCommand(command: EditorCommand): void {
  const tools = useToolStore.getState();
  const effect: CommandEffect =
    command.perform({
      mask: useSessionStore.getState().mask,
      tool: tools.tool,
      brushSize: tools.brushSize,
      maskVisible: tools.maskVisible,
    }) ?? {};
  if (effect.tool) tools.setTool(effect.tool);
  if (effect.brushSize !== undefined) tools.setBrushSize(effect.brushSize);
  if (effect.maskVisible !== undefined) tools.setMaskVisible(effect.maskVisible);
  if (effect.view === 'fit') useStageViewStore.getState().fit();
  if (effect.view === 'zoom-in') zoomIn();
  if (effect.view === 'zoom-out') zoomOut();
  if (effect.announce) tools.announce(effect.announce);
}
