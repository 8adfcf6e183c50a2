import type { EditorCommand } from './editor-command.ts';
import { isMod } from '../../../lib/shortcuts.ts';

export const redoCommand: EditorCommand = {
  id: 'redo',
  label: 'Redo',
  shortcut: 'Ctrl+Shift+Z',
  keyTest: (e) =>
    isMod(e) &&
    !e.altKey &&
    ((e.shiftKey && e.key.toLowerCase() === 'z') || (!e.shiftKey && e.key.toLowerCase() === 'y')),
  perform: ({ mask }) => {
    const label = mask?.redo();
    return label ? { announce: `Redid ${label.toLowerCase()}` } : { announce: 'Nothing to redo' };
  },
};
