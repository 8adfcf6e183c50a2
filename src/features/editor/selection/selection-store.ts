/** The selection tools' settings and state (zustand): wand options, work in progress, trouble. */
import { create } from 'zustand';
import type { SelectionMode } from './apply-selection.ts';
import { TOLERANCE_MAX, TOLERANCE_MIN } from './magic-wand.ts';

export type SelectionWork = 'wand' | 'person';

interface SelectionState {
  /** 0..255: how far a colour may be from the clicked one. */
  tolerance: number;
  /** Only the region connected to the click, or the colour everywhere. */
  contiguous: boolean;
  /** What a wand click does with no Shift or Alt held: replace the mask, add, or take away. */
  wandMode: SelectionMode;
  /** What is being selected right now (the busy indicator), or null. */
  working: SelectionWork | null;
  /** Why the last selection did not happen, for the designer; the mask was left as it was. */
  error: string | null;
  setTolerance: (tolerance: number) => void;
  setContiguous: (contiguous: boolean) => void;
  setWandMode: (mode: SelectionMode) => void;
}

export const DEFAULT_TOLERANCE = 32;

export const useSelectionStore = create<SelectionState>((set) => ({
  tolerance: DEFAULT_TOLERANCE,
  contiguous: true,
  wandMode: 'replace',
  working: null,
  error: null,
  setTolerance: (tolerance) =>
    set({ tolerance: Math.round(Math.min(TOLERANCE_MAX, Math.max(TOLERANCE_MIN, tolerance))) }),
  setContiguous: (contiguous) => set({ contiguous }),
  setWandMode: (wandMode) => set({ wandMode }),
}));
