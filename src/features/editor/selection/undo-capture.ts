/**
 * The undo history's "before" of a selection, read off the main thread: a snapshot of the
 * mask is taken at once (a copy, cheap), and the capture worker reads and packs its tiles
 * while the selection is being computed — or, when the mask is known to be exactly the
 * rectangles the wand last drew, packs them from those alone. The caller adopts the tiles only
 * if the mask has not changed since; otherwise the history reads them itself, as usual.
 */
import type { CapturedTile } from '../mask/mask-history.ts';
import type { MaskModel } from '../mask/mask-model.ts';
import type { CaptureWorkerApi } from './capture-worker.ts';
import type { SelectionRects } from './selection-rects.ts';
import { workerApi } from '../../../lib/worker-api.ts';

const worker = workerApi<CaptureWorkerApi>({
  start: () => new Worker(new URL('./capture-worker.ts', import.meta.url), { type: 'module' }),
  crashed: (reason) => new Error(`The undo capture stopped: ${reason}`),
});

export interface UndoCapture {
  /** The mask's version when the snapshot was taken: the tiles are valid while it holds. */
  version: number;
  tiles: Promise<CapturedTile[] | null>;
  /** When asked for: the mask itself as it was (a snapshot), to redraw a change over. */
  underneath?: Promise<CanvasImageSource | null>;
}

export interface CaptureOptions {
  /** The mask is exactly these rectangles (the wand's last replace, nothing changed since). */
  drawn?: SelectionRects;
  /** Keep a snapshot of the mask too (UndoCapture.underneath). */
  keepUnderneath?: boolean;
}

/** Starts capturing the mask's tiles, every one of them, as they are now. */
export function captureUndo(
  mask: MaskModel,
  { drawn, keepUnderneath }: CaptureOptions = {},
): UndoCapture {
  const { width, height } = mask;
  const tiles = (
    drawn
      ? worker.captureRects(drawn, width, height)
      : createImageBitmap(mask.canvas).then((snapshot) =>
          worker.captureTiles(snapshot, { x: 0, y: 0, width, height }),
        )
  )
    // Without the worker the history reads the tiles itself: slower, never wrong.
    .catch(() => null);
  const underneath = keepUnderneath ? createImageBitmap(mask.canvas).catch(() => null) : undefined;
  return { version: mask.version, tiles, underneath };
}
