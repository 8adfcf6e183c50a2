import type { ResultImage } from '../../../api/image-result.ts';
import type { ViewerImage } from '../../viewer/viewer-image.ts';
import { downloadName } from './download-name.ts';

/** A job's results as the viewer shows them: numbered, with the prompt and download names. */
export function resultViewerImages(
  jobId: string,
  images: readonly ResultImage[],
  prompt: string,
): ViewerImage[] {
  return images.map((image, i) => ({
    key: `${jobId}-${i}`,
    // One image is named by its prompt; of several, the number says which one is shown.
    title: images.length === 1 ? prompt || 'Result' : `Image ${i + 1} of ${images.length}`,
    ...(prompt && images.length > 1 ? { subtitle: prompt } : {}),
    alt: `Result ${i + 1} at full size: ${prompt}`,
    width: image.width,
    height: image.height,
    blob: image.bytes ?? null,
    ...(image.bytes
      ? { downloadName: downloadName(prompt, i, images.length, image.bytes.type) }
      : {}),
    ...(image.revisedPrompt ? { caption: `Revised prompt: ${image.revisedPrompt}` } : {}),
  }));
}
