/** POST /images/variations (multipart, dall-e-2): one square PNG in, n variations out. */
import type { ImageJobResult } from './image-result.ts';
import { buildMultipartRequest } from './build-request.ts';
import type { ImageParams } from './params.ts';
import type { Provider } from './provider.ts';
import { runImageRequest, type ImageRequestOptions } from './run-image-request.ts';

export function createVariation(
  provider: Provider,
  params: ImageParams,
  files: { image: Blob },
  options: ImageRequestOptions,
): Promise<ImageJobResult> {
  return runImageRequest(provider, 'variation', params, options, (served, asked) =>
    buildMultipartRequest(provider, 'variation', asked, served, { images: [files.image] }),
  );
}
