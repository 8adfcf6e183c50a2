/**
 * Gives focus back when a dialog opened without a Radix Trigger closes (opened by a
 * shortcut, by a store action from elsewhere…): Radix returns focus to its Trigger, and
 * without one focus would fall to <body>, making a keyboard user start over from the top.
 */
export interface FocusReturn {
  /** Call as the dialog is asked to open, before it takes focus (or as its onOpenAutoFocus). */
  remember: () => void;
  /** Dialog.Content's onCloseAutoFocus. */
  onCloseAutoFocus: (event: Event) => void;
}

/**
 * `fallback` takes the focus when there is nothing to go back to: the dialog opened as the
 * focused element went away (a list of options closing as its choice opened the dialog).
 */
export function createFocusReturn(fallback?: () => void): FocusReturn {
  let target: HTMLElement | null = null;
  return {
    remember: () => {
      const active = globalThis.document?.activeElement;
      target = active instanceof HTMLElement && active !== document.body ? active : null;
    },
    onCloseAutoFocus: (event) => {
      if (target?.isConnected) {
        event.preventDefault();
        target.focus();
      } else if (fallback) {
        event.preventDefault();
        fallback();
      }
      target = null;
    },
  };
}
