import type { EditorCommand } from './editor-command.ts';
import { isMod } from '../../../lib/shortcuts.ts';

export const invertMaskCommand: EditorCommand = {
  id: 'invert-mask',
  label: 'Invert mask',
  shortcut: 'Ctrl+I',
  keyTest: (e) => isMod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'i',
  perform: ({ mask }) => {
    mask?.invert();
    return { announce: 'Mask inverted' };
  },
};
