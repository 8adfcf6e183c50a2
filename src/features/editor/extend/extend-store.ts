/**
 * Extend canvas's state (zustand): the canvas size and where the original sits on it, the
 * aspect preset chosen, and an extend in progress (frames done, the canvas so far, and
 * why it stopped if it did). Geometry lives in extend-geometry.ts; this only holds it.
 */
import { create } from 'zustand';
import type { Dimensions } from '../../../api/model-types.ts';
import type { ImageJob } from '../../jobs/job-store.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import {
  centred,
  clampPlacement,
  MAX_CANVAS_EDGE,
  SIZE_STEP,
  snapCanvas,
} from './extend-geometry.ts';

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

/**
 * An extend in frames that stopped part-way: what it made, so pressing Extend again (on the
 * same picture and layout) makes only the missing frames, onto the canvas as it was left.
 */
export interface StoppedExtend {
  /** The upload the canvas started from, and the frames planned on it. */
  original: Blob;
  canvas: Dimensions;
  at: { x: number; y: number };
  frames: readonly Rect[];
  /** The frames made, in order (the first `pasted.length` of `frames`), and their answers. */
  pasted: { frame: Rect; result: Blob }[];
  /** Their jobs, for the finished picture's cost. */
  jobs: ImageJob[];
  /** Compare's "before": the picture on the new canvas, before any frame. */
  before: Blob | null;
}

interface ExtendState {
  /** The original's size the layout is for (null until the tool opens on an image). */
  original: Dimensions | null;
  canvas: Dimensions | null;
  at: { x: number; y: number } | null;
  /** The aspect preset's label, or null for a free size. */
  aspect: string | null;
  running: boolean;
  progress: ExtendProgress | null;
  error: string | null;
  /** Something the designer should know that did not stop the extend (a worker restarted). */
  notice: string | null;
  /** An extend in frames that stopped part-way, to go on from (cleared with its progress). */
  stopped: StoppedExtend | null;
  /** Starts (or keeps) a layout for an original of this size. */
  openFor: (original: Dimensions) => void;
  resize: (canvas: Dimensions, aspect?: string | null) => void;
  moveTo: (at: { x: number; y: number }) => void;
  /** Drags one side: that side's margin beyond the original becomes `margin` px. */
  setMargin: (side: Side, margin: number) => void;
  centre: () => void;
  patch: (
    patch: Partial<Pick<ExtendState, 'running' | 'progress' | 'error' | 'notice' | 'stopped'>>,
  ) => void;
  /** Forgets an extend that stopped part-way: the next one starts from the original. */
  startOver: () => void;
}

/**
 * A layout change while an extend that stopped part-way is shown: the layout comes back in
 * its place (the canvas so far is kept in the results and the gallery).
 */
function dropStopped(s: Pick<ExtendState, 'running' | 'progress'>) {
  if (s.running || !s.progress || s.progress.done >= s.progress.total) return {};
  s.progress.preview?.close();
  return { progress: null, error: null, stopped: null };
}

export const useExtendStore = create<ExtendState>((set, get) => ({
  original: null,
  canvas: null,
  at: null,
  aspect: null,
  running: false,
  progress: null,
  error: null,
  notice: null,
  stopped: null,
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
      stopped: null,
    });
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
  startOver: () => set({ ...dropStopped(get()), stopped: null }),
}));

/**
 * The frames still to make for this plan: those after the ones a stopped extend made, when
 * it was for the same upload, canvas, placement and frames; else all of them.
 */
export function framesToMake<F extends Rect>(
  stopped: StoppedExtend | null,
  original: Blob | undefined,
  canvas: Dimensions,
  at: { x: number; y: number },
  frames: readonly F[],
): readonly F[] {
  const same = (a: Rect, b: Rect) =>
    a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
  const resumes =
    stopped !== null &&
    stopped.original === original &&
    stopped.canvas.width === canvas.width &&
    stopped.canvas.height === canvas.height &&
    stopped.at.x === at.x &&
    stopped.at.y === at.y &&
    stopped.frames.length === frames.length &&
    stopped.frames.every((f, i) => same(f, frames[i]!));
  return resumes ? frames.slice(stopped.pasted.length) : frames;
}
