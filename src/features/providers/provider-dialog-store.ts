import { create } from 'zustand';

interface ProviderDialogState {
  open: boolean;
  setOpen: (open: boolean) => void;
}

/** Whether the provider settings dialog is open; anything may open it (e.g. after a 401). */
export const useProviderDialogStore = create<ProviderDialogState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

export function openProviderSettings(): void {
  useProviderDialogStore.getState().setOpen(true);
}
