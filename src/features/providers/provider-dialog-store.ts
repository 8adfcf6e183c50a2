import { create } from 'zustand';
import { createFocusReturn } from '../../lib/ui/focus-return.ts';
import { takeReloadNote } from './connection/origin-access.ts';

interface ProviderDialogState {
  open: boolean;
  /**
   * Set when the page was reloaded to allow a provider's origin: the dialog opens again at
   * once, says the origin is now allowed and puts the cursor in the API key field.
   */
  reloadedFor: string | null;
  setOpen: (open: boolean) => void;
}

const note = takeReloadNote();

/** The dialog has no Radix Trigger (many places open it): focus returns to the opener. */
export const providerDialogFocus = createFocusReturn();

/** Whether the provider settings dialog is open; anything may open it (e.g. after a 401). */
export const useProviderDialogStore = create<ProviderDialogState>()((set) => ({
  open: note !== null,
  reloadedFor: note?.origin ?? null,
  setOpen: (open) => {
    if (open) providerDialogFocus.remember();
    set(open ? { open } : { open, reloadedFor: null });
  },
}));

export function openProviderSettings(): void {
  useProviderDialogStore.getState().setOpen(true);
}
