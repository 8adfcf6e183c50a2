/** POST /images/generations: a prompt and settings in, images (as bytes) out. */
import type { ImageJobResult } from './image-result.ts';
import { buildJsonRequest } from './build-request.ts';
import type { ImageParams } from './params.ts';
import type { Provider } from './provider.ts';
import { runImageRequest, type ImageRequestOptions } from './run-image-request.ts';

export function generateImages(
  provider: Provider,
  params: ImageParams,
  options: ImageRequestOptions,
): Promise<ImageJobResult> {
  return runImageRequest(provider, 'generate', params, options, (served, asked) =>
    buildJsonRequest(provider, 'generate', asked, served),
  );
}
