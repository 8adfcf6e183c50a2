/**
 * The magic wand from the main thread: the picture's pixels go to the selection worker once
 * (a copy of the bitmap, moved), then each click sends only a point and the options.
 */
import type { WandOptions } from './magic-wand.ts';
import type { SelectionResult } from './selection-result.ts';
import type { SelectionWorkerApi } from './selection-worker.ts';
import { workerApi } from '../../../lib/worker-api.ts';

let nextId = 1;
/** The picture the worker holds, once its pixels are there. */
let loaded: { bitmap: ImageBitmap; ready: Promise<number> } | null = null;

const worker = workerApi<SelectionWorkerApi>({
  start: () => new Worker(new URL('./selection-worker.ts', import.meta.url), { type: 'module' }),
  crashed: (reason) => {
    loaded = null; // the next worker starts without the picture
    return new Error(`The magic wand stopped: ${reason}`);
  },
});

/** Sends `bitmap`'s pixels to the worker unless it already has them; call early to warm up. */
export function loadPicture(bitmap: ImageBitmap): Promise<number> {
  if (loaded?.bitmap === bitmap) return loaded.ready;
  const pictureId = nextId++;
  const ready = createImageBitmap(bitmap).then((copy) =>
    worker.setPicture(pictureId, copy).then(() => pictureId),
  );
  const entry = { bitmap, ready };
  loaded = entry;
  // A failed load is forgotten, so the next click tries again.
  ready.catch(() => {
    if (loaded === entry) loaded = null;
  });
  return ready;
}

/** The wand's selection on `bitmap` (the prepared image the mask matches) at `seed`. */
export async function wandSelect(
  bitmap: ImageBitmap,
  seed: { x: number; y: number },
  options: WandOptions,
): Promise<SelectionResult> {
  const id = await loadPicture(bitmap);
  return worker.select(id, seed, options);
}
