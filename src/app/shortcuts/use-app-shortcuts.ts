import { useEffect } from 'react';
import { isTypingTarget } from '../../lib/shortcuts.ts';
import { useViewStore } from '../../lib/studio-view.ts';
import { helpShortcut, viewForKey } from './app-shortcuts.ts';
import { useShortcutsDialog } from './shortcuts-dialog-store.ts';

/**
 * The shell's keys from anywhere but a text field or a dialog: "?" opens the keyboard
 * shortcuts panel, 1 / 2 / 3 show Generate, Edit and Gallery.
 */
export function useAppShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || isTypingTarget(e.target)) return;
      const view = viewForKey(e);
      if (!view && !helpShortcut.matches(e)) return;
      // A dialog (the viewer, a menu's question) owns the keyboard while it is open.
      if (document.querySelector('[role="dialog"][data-state="open"], [role="alertdialog"]'))
        return;
      e.preventDefault();
      if (view) useViewStore.getState().showView(view);
      else useShortcutsDialog.getState().setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
