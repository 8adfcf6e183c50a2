import type { EditorCommand } from './editor-command.ts';
import { isPlain } from '../../../lib/shortcuts.ts';

export const toggleMaskCommand: EditorCommand = {
  id: 'toggle-mask',
  label: 'Show mask',
  shortcut: 'H',
  keyTest: (e) => isPlain(e) && !e.shiftKey && e.key.toLowerCase() === 'h',
  perform: ({ maskVisible }) => ({
    maskVisible: !maskVisible,
    announce: maskVisible ? 'Mask hidden' : 'Mask shown',
  }),
};

export const fitToScreenCommand: EditorCommand = {
  id: 'fit-to-screen',
  label: 'Fit to screen',
  shortcut: 'Shift+1',
  // `code`, not `key`: Shift+1 types "!" on US keyboards and other characters elsewhere.
  keyTest: (e) => isPlain(e) && e.shiftKey && e.code === 'Digit1',
  perform: () => ({ view: 'fit' }),
};

export const zoomInCommand: EditorCommand = {
  id: 'zoom-in',
  label: 'Zoom in',
  shortcut: '+',
  keyTest: (e) => isPlain(e) && (e.key === '+' || e.key === '='),
  perform: () => ({ view: 'zoom-in' }),
};

export const zoomOutCommand: EditorCommand = {
  id: 'zoom-out',
  label: 'Zoom out',
  shortcut: '-',
  keyTest: (e) => isPlain(e) && !e.shiftKey && e.key === '-',
  perform: () => ({ view: 'zoom-out' }),
};
