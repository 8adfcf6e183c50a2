import { Dialog } from 'radix-ui';
import { lazy, Suspense } from 'react';
import { shortcutsFocus, useShortcutsDialog } from './shortcuts-dialog-store.ts';
import './shortcuts.css';

// The lists come from every feature's definitions (the editor's commands among them): loaded
// when the panel first opens, not with the studio.
const ShortcutList = lazy(() => import('./shortcut-list.tsx'));

/**
 * "Keyboard shortcuts": every shortcut of every view, opened with "?" (use-help-shortcut.ts)
 * or the header button. Loaded when first opened (app.tsx).
 */
export function KeyboardShortcutsDialog() {
  const open = useShortcutsDialog((s) => s.open);
  const setOpen = useShortcutsDialog((s) => s.setOpen);

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
