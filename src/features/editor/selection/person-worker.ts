/**
 * The person worker: Select person's model, off the main thread (its wasm runtime, model and
 * inference never touch the page's thread). Started on the first Select person, so the
 * studio's first screen and the editor load nothing of it.
 */
import { exposeApi } from '../../../lib/worker-expose.ts';
import { loadSegmenter, segmentPerson } from './person-segmenter.ts';
import { selectionPixels } from './selection-pixels.ts';
import type { PersonWorkerApi, SelectionResult } from './selection-result.ts';

const api: PersonWorkerApi = {
  async start(): Promise<void> {
    await loadSegmenter();
  },

  async selectPerson(picture: ImageBitmap): Promise<SelectionResult> {
    try {
      const { cells, bounds, count } = await segmentPerson(picture);
      if (!bounds) return { bounds: null, paint: null, count: 0 };
      const pixels = selectionPixels(cells, picture.width, bounds);
      const paint = await createImageBitmap(new ImageData(pixels, bounds.width, bounds.height));
      return { bounds, paint, count };
    } finally {
      picture.close();
    }
  },
};

exposeApi(api);
