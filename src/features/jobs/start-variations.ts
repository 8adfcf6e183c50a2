import { createVariation } from '../../api/create-variation.ts';
import { ImagesApiError } from '../../api/errors.ts';
import type { ImageParams } from '../../api/params.ts';
import { getActiveProvider } from '../providers/provider-store.ts';
import { runImageJob } from './run-image-job.ts';
import { prepareVariationSource, variationSize } from './variations/variation-source.ts';

export const VARIATION_COUNT = 4;

/**
 * "Make variations" (dall-e-2) of any image, from a result or a gallery entry: a new job in
 * the queue of the generate view, on the active provider. The image is converted to the
 * square PNG variations require when needed.
 */
export function startVariations(image: Blob, parentId?: string): string {
  const provider = getActiveProvider();
  const params: ImageParams = {
    model: 'dall-e-2',
    n: VARIATION_COUNT,
    size: '1024x1024',
    response_format: 'b64_json',
  };
  const prepared = prepareVariationSource(image);
  // Its failure is reported by the job below; this only stops an early "unhandled" warning.
  prepared.catch(() => undefined);
  return runImageJob({
    operation: 'variation',
    provider,
    params,
    parentId,
    inputs: { images: [image] },
    request: async (to, options) => {
      let source;
      try {
        source = await prepared;
      } catch (error) {
        throw new ImagesApiError({
          kind: 'bad_request',
          param: 'image',
          title: 'This image could not be prepared for variations.',
          detail: error instanceof Error ? error.message : String(error),
          hint: 'Variations need an image the browser can open; try another image.',
          forward: { action: 'none' },
        });
      }
      const sized = { ...params, size: variationSize(source.side) };
      return createVariation(to, sized, { image: source.image }, options);
    },
  }).id;
}
