/**
 * The overlay colour chosen (remembered on this device) and the swatch Auto last picked.
 * The editor loads lazily, after hydration, so reading storage here never affects the
 * prerendered first screen.
 */
import { create } from 'zustand';
import { OVERLAY_SWATCHES, type OverlayChoice, type SwatchId } from './overlay-colour.ts';

const KEY = 'easel.mask-colour';

function savedChoice(): OverlayChoice {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'auto' || OVERLAY_SWATCHES.some((s) => s.id === saved)) {
      return saved as OverlayChoice;
    }
  } catch {
    // Storage blocked (private mode, policy): the default serves.
  }
  return 'auto';
}

interface OverlayState {
  choice: OverlayChoice;
  /** What Auto shows: the swatch that stands out most from the picture under the paint. */
  auto: SwatchId;
  choose: (choice: OverlayChoice) => void;
  setAuto: (auto: SwatchId) => void;
}

export const useOverlayStore = create<OverlayState>((set) => ({
  choice: savedChoice(),
  auto: 'pink',
  choose: (choice) => {
    set({ choice });
    try {
      localStorage.setItem(KEY, choice);
    } catch {
      // Not remembered; the choice still holds for this visit.
    }
  },
  setAuto: (auto) => set({ auto }),
}));

/** The swatch on the stage now. */
export const shownSwatch = (s: OverlayState): SwatchId => (s.choice === 'auto' ? s.auto : s.choice);
