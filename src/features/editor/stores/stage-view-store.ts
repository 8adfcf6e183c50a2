/**
 * The stage's view (zoom and pan) and the size of the area showing it. UI state: nothing
 * here reaches the mask or its export.
 */
import { create } from 'zustand';
import { recallInTab, rememberInTab } from '../../../lib/tab-memory.ts';
import {
  clampZoom,
  fitToScreen,
  IDENTITY_VIEW,
  zoomAt,
  ZOOM_STEP,
  type Size,
  type ViewTransform,
} from '../view/view-transform.ts';

interface StageViewState {
  view: ViewTransform;
  viewport: Size;
  /** The image size the view was last fitted to. */
  image: Size | null;
  /** Refit on resize until the designer zooms or pans themselves. */
  fitted: boolean;
  setView: (view: ViewTransform) => void;
  setViewport: (viewport: Size) => void;
  fit: (image?: Size) => void;
  zoomBy: (factor: number) => void;
}

const ZOOM_KEY = 'easel.stage-view';

/** The designer's own zoom and pan before a reload of this tab, and the image size it was on. */
function rememberedZoom(): { view: ViewTransform; image: Size } | null {
  try {
    return JSON.parse(recallInTab(ZOOM_KEY) || 'null') as {
      view: ViewTransform;
      image: Size;
    } | null;
  } catch {
    return null;
  }
}
/** Taken by the page's first fit, when it is for an image of the remembered size. */
let pendingZoom = rememberedZoom();

export const useStageViewStore = create<StageViewState>((set, get) => ({
  view: IDENTITY_VIEW,
  viewport: { width: 0, height: 0 },
  image: null,
  fitted: true,
  setView: (view) => set({ view, fitted: false }),
  setViewport: (viewport) => {
    const { fitted, image, viewport: now } = get();
    if (viewport.width === now.width && viewport.height === now.height) return;
    set({ viewport });
    if (fitted && image) set({ view: fitToScreen(image, viewport) });
  },
  fit: (next) => {
    const image = next ?? get().image;
    if (!image) return;
    const kept = next ? pendingZoom : null;
    if (next) pendingZoom = null;
    if (kept && kept.image.width === image.width && kept.image.height === image.height) {
      set({ image, fitted: false, view: kept.view });
      return;
    }
    set({ image, fitted: true, view: fitToScreen(image, get().viewport) });
  },
  zoomBy: (factor) => {
    const { view, viewport } = get();
    const centre = { x: viewport.width / 2, y: viewport.height / 2 };
    set({ view: zoomAt(view, centre, clampZoom(view.scale * factor)), fitted: false });
  },
}));

useStageViewStore.subscribe((state, before) => {
  if (state.view === before.view && state.fitted === before.fitted) return;
  const { view, image, fitted } = state;
  rememberInTab(ZOOM_KEY, fitted || !image ? '' : JSON.stringify({ view, image }));
});

export const zoomIn = () => useStageViewStore.getState().zoomBy(ZOOM_STEP);
export const zoomOut = () => useStageViewStore.getState().zoomBy(1 / ZOOM_STEP);
