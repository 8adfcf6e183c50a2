import { clampBrushSize } from '../tools/mask-tool.ts';
import type { EditorCommand } from './editor-command.ts';
import { isPlain } from '../../../lib/shortcuts.ts';

/**
 * The next brush size for `[` / `]`: about 15% per press so 1 → 512 takes ~45 presses,
 * but always at least one pixel so small brushes still change.
 */
export function stepBrushSize(size: number, direction: 1 | -1): number {
  const scaled = direction > 0 ? Math.max(size + 1, size * 1.15) : Math.min(size - 1, size / 1.15);
  return clampBrushSize(scaled);
}

export const growBrushCommand: EditorCommand = {
  id: 'grow-brush',
  label: 'Larger brush',
  shortcut: ']',
  keyTest: (e) => isPlain(e) && e.key === ']',
  perform: ({ brushSize }) => ({ brushSize: stepBrushSize(brushSize, 1) }),
};

export const shrinkBrushCommand: EditorCommand = {
  id: 'shrink-brush',
  label: 'Smaller brush',
  shortcut: '[',
  keyTest: (e) => isPlain(e) && e.key === '[',
  perform: ({ brushSize }) => ({ brushSize: stepBrushSize(brushSize, -1) }),
};
