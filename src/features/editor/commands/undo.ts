import type { EditorCommand } from './editor-command.ts';
import { isMod } from '../../../lib/shortcuts.ts';

export const undoCommand: EditorCommand = {
  id: 'undo',
  label: 'Undo',
  shortcut: 'Ctrl+Z',
  keyTest: (e) => isMod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z',
  perform: ({ mask }) => {
    const label = mask?.undo();
    return label ? { announce: `Undid ${label.toLowerCase()}` } : { announce: 'Nothing to undo' };
  },
};
