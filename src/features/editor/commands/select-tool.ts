import type { ToolId } from '../tools/mask-tool.ts';
import type { EditorCommand } from './editor-command.ts';
import { isPlain } from '../../../lib/shortcuts.ts';

function toolCommand(tool: ToolId, label: string, key: string): EditorCommand {
  return {
    id: `tool-${tool}`,
    label,
    shortcut: key.toUpperCase(),
    keyTest: (e) => isPlain(e) && !e.shiftKey && e.key.toLowerCase() === key,
    perform: () => ({ tool }),
  };
}

export const brushToolCommand = toolCommand('brush', 'Brush', 'b');
export const eraserToolCommand = toolCommand('eraser', 'Eraser', 'e');
export const rectangleToolCommand = toolCommand('rectangle', 'Rectangle', 'r');
export const lassoToolCommand = toolCommand('lasso', 'Lasso', 'l');
export const wandToolCommand = toolCommand('wand', 'Magic wand', 'w');
