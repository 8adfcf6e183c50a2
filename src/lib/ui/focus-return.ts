/**
 * Gives focus back when a dialog opened without a Radix Trigger closes (opened by a
 * shortcut, by a store action from elsewhere…): Radix returns focus to its Trigger, and
 * without one focus would fall to <body>, making a keyboard user start over from the top.
 */
export interface FocusReturn {
  /** Call as the dialog is asked to open, before it takes focus. */
  remember: () => void;
  /** Dialog.Content's onCloseAutoFocus. */
  onCloseAutoFocus: (event: Event) => void;
}

export function createFocusReturn(): FocusReturn {
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
      }
      target = null;
    },
  };
}
