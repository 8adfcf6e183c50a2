import { helpShortcut } from './app-shortcuts.ts';
import { useShortcutsDialog } from './shortcuts-dialog-store.ts';

/** The header's way to the shortcuts panel, for those who do not know about "?". */
export function ShortcutsButton() {
  return (
    <button
      type="button"
      className="button button--ghost"
      aria-label="Keyboard shortcuts"
      aria-keyshortcuts={helpShortcut.keys}
      title={`Keyboard shortcuts (${helpShortcut.keys})`}
      onClick={() => useShortcutsDialog.getState().setOpen(true)}
    >
      <span aria-hidden="true">?</span>
    </button>
  );
}
