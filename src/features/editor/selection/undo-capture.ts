/**
 * The undo history's "before" of a selection, read off the main thread: a snapshot of the
 * mask is taken at once (a copy, cheap), and the capture worker reads and packs its tiles
 * while the selection is being computed. The caller adopts the tiles only if the mask has
 * not changed since the snapshot; otherwise the history reads them itself, as usual.
 */
import type { CapturedTile } from '../mask/mask-history.ts';
import type { MaskModel } from '../mask/mask-model.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import type { CaptureWorkerApi } from './capture-worker.ts';
import { workerApi } from '../../../lib/worker-api.ts';

const worker = workerApi<CaptureWorkerApi>({
  start: () => new Worker(new URL('./capture-worker.ts', import.meta.url), { type: 'module' }),
  crashed: (reason) => new Error(`The undo capture stopped: ${reason}`),
});

export interface UndoCapture {
  /** The mask's version when the snapshot was taken: the tiles are valid while it holds. */
  version: number;
  tiles: Promise<CapturedTile[] | null>;
}

/** Starts capturing the tiles of `rect` (default: the whole mask) as they are now. */
export function captureUndo(mask: MaskModel, rect?: Rect): UndoCapture {
  const area = rect ?? { x: 0, y: 0, width: mask.width, height: mask.height };
  const tiles = createImageBitmap(mask.canvas)
    .then((snapshot) => worker.captureTiles(snapshot, area))
    // Without the worker the history reads the tiles itself: slower, never wrong.
    .catch(() => null);
  return { version: mask.version, tiles };
}
