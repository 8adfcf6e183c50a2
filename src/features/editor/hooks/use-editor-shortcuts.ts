import { useEffect } from 'react';
import { commandForKey } from '../commands/editor-commands.ts';
import { useEditResultsStore } from '../edit/edit-results-store.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { runCommand } from './run-command.ts';
import { isTypingTarget } from '../../../lib/shortcuts.ts';

/**
 * The editor's keyboard shortcuts, active while the editor is on screen with an image open and
 * the mask shown (Paint): in Extend canvas or Compare, Ctrl+Z or Delete would change the mask
 * out of sight.
 */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      // Typing in a field keeps the browser's own keys (Ctrl+Z undoes text, not the mask).
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      if (useSessionStore.getState().status !== 'ready') return;
      const { mode, selected } = useEditResultsStore.getState();
      if (mode === 'extend' || (mode === 'compare' && selected)) return;
      // A dialog (crop step, mask preview) owns the keyboard while it is open.
      if (document.querySelector('[role="dialog"][data-state="open"]')) return;
      const command = commandForKey(e);
      if (!command) return;
      e.preventDefault();
      runCommand(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
