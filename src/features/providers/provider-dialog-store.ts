import { create } from 'zustand';
import { createFocusReturn } from '../../lib/ui/focus-return.ts';
import { takeReloadNote, type CarriedKeys } from './connection/origin-access.ts';
import { useProviderStore } from './provider-store.ts';

interface ProviderDialogState {
  open: boolean;
  /**
   * Set when the page was reloaded to allow a provider's origin: the dialog opens again at
   * once, says the origin is now allowed and puts the cursor in the API key field.
   */
  reloadedFor: string | null;
  /** Opened as the way forward from a refused key: the cursor goes to the API key field. */
  focusKey: boolean;
  setOpen: (open: boolean) => void;
}

const note = takeReloadNote();
// Keys typed before the reload, back in memory only (persist writes them only if remembered).
for (const [kind, apiKey] of Object.entries(note?.keys ?? {})) {
  useProviderStore.getState().update(kind as keyof CarriedKeys, { apiKey });
}

/** The dialog has no Radix Trigger (many places open it): focus returns to the opener. */
export const providerDialogFocus = createFocusReturn();

/** Whether the provider settings dialog is open; anything may open it (e.g. after a 401). */
export const useProviderDialogStore = create<ProviderDialogState>()((set) => ({
  open: note !== null,
  reloadedFor: note?.origin ?? null,
  focusKey: false,
  setOpen: (open) => {
    if (open) providerDialogFocus.remember();
    set(open ? { open } : { open, reloadedFor: null, focusKey: false });
  },
}));

export function openProviderSettings(): void {
  useProviderDialogStore.getState().setOpen(true);
}

/** Opens the settings with the cursor in the API key field: the key is what was refused. */
export function openProviderKeySettings(): void {
  useProviderDialogStore.setState({ focusKey: true });
  openProviderSettings();
}
