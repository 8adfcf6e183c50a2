import { useEffect, useEffectEvent } from 'react';
import { useViewStore } from '../../lib/studio-view.ts';
import type { DraftOperation } from './settings/draft-settings.ts';
import { sendPromptShortcut } from './prompt-shortcuts.ts';

/**
 * Ctrl/Cmd+Enter sends the prompt from anywhere in the operation's view (the prompt box, a
 * settings control, a result, the canvas); never while a dialog owns the keyboard.
 */
export function useSendFromAnywhere(operation: DraftOperation, send: () => void) {
  const onSend = useEffectEvent(send);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      // Not skipped when defaultPrevented: Radix radios cancel Enter itself (WAI-ARIA).
      if (!sendPromptShortcut.matches(e)) return;
      if (useViewStore.getState().view !== operation) return;
      if (document.querySelector('[role="dialog"][data-state="open"], [role="alertdialog"]'))
        return;
      e.preventDefault();
      onSend();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [operation]);
}
