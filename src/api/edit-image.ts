/**
 * POST /images/edits (multipart): one image (`image`) or several (`image[]`), an optional
 * PNG mask whose transparent pixels mark where the image may change, a prompt and settings.
 * The mask is kept on the result so the gallery stores exactly what was sent.
 */
import type { ImageJobResult } from './image-result.ts';
import { buildMultipartRequest, type UploadFiles } from './build-request.ts';
import type { ImageParams } from './params.ts';
import type { Provider } from './provider.ts';
import { runImageRequest, type ImageRequestOptions } from './run-image-request.ts';

export function editImage(
  provider: Provider,
  params: ImageParams,
  files: UploadFiles,
  options: ImageRequestOptions,
): Promise<ImageJobResult> {
  return runImageRequest(
    provider,
    'edit',
    params,
    options,
    (served, asked) => buildMultipartRequest(provider, 'edit', asked, served, files),
    files.mask,
  );
}
