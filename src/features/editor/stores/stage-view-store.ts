/**
 * The stage's view (zoom and pan) and the size of the area showing it. UI state: nothing
 * here reaches the mask or its export.
 */
import { create } from 'zustand';
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

export const useStageViewStore = create<StageViewState>((set, get) => ({
  view: IDENTITY_VIEW,
  viewport: { width: 0, height: 0 },
  image: null,
  fitted: true,
  setView: (view) => set({ view, fitted: false }),
  setViewport: (viewport) => {
    const { fitted, image } = get();
    set({ viewport });
    if (fitted && image) set({ view: fitToScreen(image, viewport) });
  },
  fit: (next) => {
    const image = next ?? get().image;
    if (!image) return;
    set({ image, fitted: true, view: fitToScreen(image, get().viewport) });
  },
  zoomBy: (factor) => {
    const { view, viewport } = get();
    const centre = { x: viewport.width / 2, y: viewport.height / 2 };
    set({ view: zoomAt(view, centre, clampZoom(view.scale * factor)), fitted: false });
  },
}));

export const zoomIn = () => useStageViewStore.getState().zoomBy(ZOOM_STEP);
export const zoomOut = () => useStageViewStore.getState().zoomBy(1 / ZOOM_STEP);
