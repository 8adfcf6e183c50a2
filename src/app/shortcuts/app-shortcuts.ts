import { isPlain, type KeyLike, type ShortcutSection } from '../../lib/shortcuts.ts';

/** "?" (Shift+/ on most layouts) opens the keyboard shortcuts panel, outside text fields. */
export const helpShortcut = {
  keys: '?',
  label: 'Show these keyboard shortcuts',
  matches: (e: KeyLike) => e.key === '?' && isPlain(e),
};

/** The shell's own keys: the help panel, and the workspace tabs (manual activation). */
export const APP_SHORTCUTS: ShortcutSection = {
  title: 'Everywhere',
  shortcuts: [
    helpShortcut,
    { keys: 'Tab / Shift+Tab', label: 'Next or previous control' },
    {
      keys: '← / →',
      label: 'On the Generate, Edit and Gallery tabs: move between them (Enter opens one)',
    },
    { keys: 'Escape', label: 'Close a dialog or menu' },
  ],
};
