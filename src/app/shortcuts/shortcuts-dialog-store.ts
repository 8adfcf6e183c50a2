import { create } from 'zustand';
import { createFocusReturn } from '../../lib/ui/focus-return.ts';

/** Focus goes back where it was when the panel closes (it has no Radix Trigger). */
export const shortcutsFocus = createFocusReturn();

/** Whether the keyboard shortcuts panel is open ("?" or the header's button). */
export const useShortcutsDialog = create<{ open: boolean; setOpen: (open: boolean) => void }>(
  (set) => ({
    open: false,
    setOpen: (open) => {
      if (open) shortcutsFocus.remember();
      set({ open });
    },
  }),
);
