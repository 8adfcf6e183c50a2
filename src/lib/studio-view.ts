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

function initialView(): StudioView {
  const saved = recallInTab(VIEW_KEY);
  return saved === 'edit' || saved === 'gallery' ? saved : 'generate';
}

export const useViewStore = create<ViewState>((set) => ({
  view: initialView(),
  showView: (view) => {
    set({ view });
    rememberInTab(VIEW_KEY, view);
  },
}));
