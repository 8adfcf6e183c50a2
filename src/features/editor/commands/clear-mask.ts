import type { EditorCommand } from './editor-command.ts';
import { isPlain } from '../../../lib/shortcuts.ts';

export const clearMaskCommand: EditorCommand = {
  id: 'clear-mask',
  label: 'Clear mask',
  shortcut: 'Delete',
  keyTest: (e) => isPlain(e) && !e.shiftKey && e.key === 'Delete',
  perform: ({ mask }) => {
    mask?.clear();
    return { announce: 'Mask cleared (Ctrl+Z brings it back)' };
  },
};
