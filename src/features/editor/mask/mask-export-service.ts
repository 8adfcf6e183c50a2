/**
 * The browser side of exportMask: snapshots the paint canvas and exports in the image
 * worker, remembering the result per mask version so the preview and the edit request
 * send the very same bytes.
 */
import { imageTasks } from '../intake/image-tasks.ts';
import type { ExportedMask } from './export-mask.ts';
import type { MaskModel } from './mask-model.ts';

const cache = new WeakMap<MaskModel, { version: number; result: Promise<ExportedMask> }>();

export function exportCurrentMask(mask: MaskModel): Promise<ExportedMask> {
  const hit = cache.get(mask);
  if (hit && hit.version === mask.version) return hit.result;
  const version = mask.version;
  const started = performance.now();
  const result = createImageBitmap(mask.canvas)
    .then((paint) => imageTasks.exportMask(paint, mask.width, mask.height))
    .then((exported) => {
      // User Timing, so the benchmark (and DevTools) see how long an export takes end to end.
      performance.measure('easel:export-mask', {
        start: started,
        detail: `${mask.width}x${mask.height}`,
      });
      return exported;
    });
  cache.set(mask, { version, result });
  result.catch(() => {
    if (cache.get(mask)?.result === result) cache.delete(mask);
  });
  return result;
}
