import { Dialog } from 'radix-ui';
import { lazy, Suspense, useEffect } from 'react';
import { isTypingTarget } from '../../lib/shortcuts.ts';
import { helpShortcut } from './app-shortcuts.ts';
import { shortcutsFocus, useShortcutsDialog } from './shortcuts-dialog-store.ts';
import './shortcuts.css';

// The lists come from every feature's definitions (the editor's commands among them): loaded
// when the panel first opens, not with the studio.
const ShortcutList = lazy(() => import('./shortcut-list.tsx'));

/** "Keyboard shortcuts": every shortcut of every view, opened with "?" or the header button. */
export function KeyboardShortcutsDialog() {
  const open = useShortcutsDialog((s) => s.open);
  const setOpen = useShortcutsDialog((s) => s.setOpen);

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

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content
          className="dialog shortcuts"
          aria-describedby="shortcuts-description"
          onCloseAutoFocus={shortcutsFocus.onCloseAutoFocus}
        >
          <header className="dialog__header">
            <Dialog.Title className="dialog__title">Keyboard shortcuts</Dialog.Title>
            <Dialog.Close className="button button--ghost button--small" aria-label="Close">
              ✕
            </Dialog.Close>
          </header>
          <Dialog.Description id="shortcuts-description" className="dialog__description">
            Every shortcut in Easel, by view. Single keys do nothing while you type in a field.
          </Dialog.Description>
          {/* Focusable, so the list can be scrolled from the keyboard (arrows, Page Down). */}
          <div className="dialog__body" tabIndex={0} role="region" aria-label="All shortcuts">
            <Suspense fallback={<p role="status">Loading the shortcuts…</p>}>
              <ShortcutList />
            </Suspense>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
