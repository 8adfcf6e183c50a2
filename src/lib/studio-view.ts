import { create } from 'zustand';
import { recallInTab, rememberInTab } from './tab-memory.ts';

/** The three workspaces a designer moves between. Any feature may switch (e.g. "send to editor"). */
export type StudioView = 'generate' | 'edit' | 'gallery';

interface ViewState {
  view: StudioView;
  showView: (view: StudioView) => void;
}

// The view survives a reload of this tab (a new tab opens on Generate).
const VIEW_KEY = 'easel.view';

export const useViewStore = create<ViewState>((set) => ({
  // The prerendered first screen is Generate: the stored view comes after hydration.
  view: 'generate',
  showView: (view) => {
    set({ view });
    rememberInTab(VIEW_KEY, view);
  },
}));

/** Reopens the view this tab was on before a reload (called once the page is hydrated). */
export function restoreView(): void {
  const saved = recallInTab(VIEW_KEY);
  if (saved === 'edit' || saved === 'gallery') useViewStore.setState({ view: saved });
}
