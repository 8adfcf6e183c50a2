/**
 * Extend canvas's state (zustand): the canvas size and where the original sits on it, the
 * aspect preset chosen, and an extend in progress (frames done, the canvas so far, and
 * why it stopped if it did). Geometry lives in extend-geometry.ts; this only holds it. What a
 * stopped extend made, to go on from, is extend-resume.ts's.
 */
import { create } from 'zustand';
import type { Dimensions } from '../../../api/model-types.ts';
import {
  centred,
  clampPlacement,
  MAX_CANVAS_EDGE,
  SIZE_STEP,
  snapCanvas,
} from './extend-geometry.ts';
import { forgetStopped, releaseStopped } from './extend-resume.ts';

/** How far the canvas reaches beyond the original on each side. */
export function marginsOf(
  original: Dimensions,
  canvas: Dimensions,
  at: { x: number; y: number },
): Record<Side, number> {
  return {
    left: at.x,
    top: at.y,
    right: canvas.width - original.width - at.x,
    bottom: canvas.height - original.height - at.y,
  };
}

export type Side = 'left' | 'right' | 'top' | 'bottom';

export interface ExtendProgress {
  done: number;
  total: number;
  /** The canvas as the finished frames left it. */
  preview: ImageBitmap | null;
}

interface ExtendState {
  /** The original's size the layout is for (null until the tool opens on an image). */
  original: Dimensions | null;
  canvas: Dimensions | null;
  at: { x: number; y: number } | null;
  /** The aspect preset's label, or null for a free size. */
  aspect: string | null;
  running: boolean;
  /** A stopped extend of an earlier visit being brought back: its layout is held meanwhile. */
  restoring: boolean;
  progress: ExtendProgress | null;
  error: string | null;
  /** Something the designer should know that did not stop the extend (a worker restarted). */
  notice: string | null;
  /** Starts (or keeps) a layout for an original of this size. */
  openFor: (original: Dimensions) => void;
  resize: (canvas: Dimensions, aspect?: string | null) => void;
  moveTo: (at: { x: number; y: number }) => void;
  /** Drags one side: that side's margin beyond the original becomes `margin` px. */
  setMargin: (side: Side, margin: number) => void;
  centre: () => void;
  patch: (patch: Partial<Pick<ExtendState, 'running' | 'progress' | 'error' | 'notice'>>) => void;
  /** Forgets an extend that stopped part-way: the next one starts from the original. */
  startOver: () => void;
}

/**
 * A layout change while an extend that stopped part-way is shown: the layout comes back in
 * its place (the canvas so far is kept in the results and the gallery), and the frames made
 * are forgotten (extend-resume.ts).
 */
function dropStopped(s: Pick<ExtendState, 'running' | 'progress'>) {
  if (s.running || !s.progress || s.progress.done >= s.progress.total) return {};
  s.progress.preview?.close();
  void forgetStopped();
  return { progress: null, error: null, notice: null };
}

export const useExtendStore = create<ExtendState>((set, get) => ({
  original: null,
  canvas: null,
  at: null,
  aspect: null,
  running: false,
  restoring: false,
  progress: null,
  error: null,
  notice: null,
  openFor: (original) => {
    const s = get();
    if (s.original?.width === original.width && s.original.height === original.height) return;
    const canvas = snapCanvas(
      { width: original.width + original.width / 2, height: original.height },
      original,
    );
    set({
      original,
      canvas,
      at: centred(original, canvas),
      aspect: null,
      progress: null,
      error: null,
      notice: null,
    });
    // Another picture: its stopped extend, if any, stays on disk for when it is opened again.
    releaseStopped();
  },
  resize: (size, aspect = null) => {
    const { original, canvas, at } = get();
    if (!original || !canvas || !at) return;
    const next = snapCanvas(size, original);
    // The original keeps its place relative to the canvas's centre, clamped onto it.
    const shifted = {
      x: at.x + (next.width - canvas.width) / 2,
      y: at.y + (next.height - canvas.height) / 2,
    };
    set({
      ...dropStopped(get()),
      canvas: next,
      at: clampPlacement(shifted, original, next),
      aspect,
      error: null,
    });
  },
  moveTo: (to) => {
    const { original, canvas } = get();
    if (original && canvas)
      set({ ...dropStopped(get()), at: clampPlacement(to, original, canvas) });
  },
  setMargin: (side, margin) => {
    const { original, canvas, at } = get();
    if (!original || !canvas || !at) return;
    const m = marginsOf(original, canvas, at);
    m[side] = Math.max(0, Math.round(margin));
    // The canvas stays a multiple of 16: the dragged side takes up the rounding.
    const horizontal = side === 'left' || side === 'right';
    const across = horizontal
      ? original.width + m.left + m.right
      : original.height + m.top + m.bottom;
    const fix = Math.round(across / SIZE_STEP) * SIZE_STEP - across;
    m[side] = m[side] + fix >= 0 ? m[side] + fix : m[side] + fix + SIZE_STEP;
    const next = {
      width: Math.min(MAX_CANVAS_EDGE, original.width + m.left + m.right),
      height: Math.min(MAX_CANVAS_EDGE, original.height + m.top + m.bottom),
    };
    set({
      ...dropStopped(get()),
      canvas: next,
      at: clampPlacement({ x: m.left, y: m.top }, original, next),
      aspect: null,
    });
  },
  centre: () => {
    const { original, canvas } = get();
    if (original && canvas) set({ ...dropStopped(get()), at: centred(original, canvas) });
  },
  patch: (patch) => set(patch),
  startOver: () => {
    set(dropStopped(get()));
    void forgetStopped();
  },
}));
