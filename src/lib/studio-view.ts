import { create } from 'zustand';

/** The three workspaces a designer moves between. Any feature may switch (e.g. "send to editor"). */
export type StudioView = 'generate' | 'edit' | 'gallery';

interface ViewState {
  view: StudioView;
  showView: (view: StudioView) => void;
}

export const useViewStore = create<ViewState>((set) => ({
  view: 'generate',
  showView: (view) => set({ view }),
}));
