import { useEffect } from 'react';
import { isTypingTarget } from '../../lib/shortcuts.ts';
import { helpShortcut } from './app-shortcuts.ts';
import { useShortcutsDialog } from './shortcuts-dialog-store.ts';

/** "?" opens the keyboard shortcuts panel from anywhere but a text field or another dialog. */
export function useHelpShortcut(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !helpShortcut.matches(e) || isTypingTarget(e.target)) return;
      // Another dialog owns the keyboard while it is open.
      if (document.querySelector('[role="dialog"][data-state="open"], [role="alertdialog"]'))
        return;
      e.preventDefault();
      useShortcutsDialog.getState().setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
