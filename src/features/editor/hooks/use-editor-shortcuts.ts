import { useEffect } from 'react';
import { commandForKey } from '../commands/editor-commands.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { runCommand } from './run-command.ts';

/** Typing in a field keeps the browser's own keys (Ctrl+Z undoes text there, not the mask). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement)
    return !['range', 'checkbox', 'radio', 'button'].includes(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** The editor's keyboard shortcuts, active while the editor is on screen with an image open. */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      if (useSessionStore.getState().status !== 'ready') return;
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
