/**
 * "Make variations" or, where the active provider serves no variations model, "More like
 * this", of any image — from a result or a gallery entry: a new job in the Generate view's
 * queue. Both make as many images as the Number of images setting asks (within the model's
 * limit).
 * - Variations (DALL·E 2 on the local engine and servers that serve it): the image becomes the
 *   square PNG the model takes; a non-square image asks crop or pad first.
 * - More like this: an edit on a GPT image model with the image as its only reference and no
 *   mask, at the image's own size (size auto), so a 1536×1024 picture gives 1536×1024 ones.
 */
import { ImagesApiError, VARIATION_KEPT } from '../../api/errors.ts';
import { rulesFor } from '../../api/model-lookup.ts';
import type { ModelId } from '../../api/model-types.ts';
import type { ImageParams } from '../../api/params.ts';
import { getActiveProvider } from '../providers/provider-store.ts';
import { likeThisMode, type LikeThisMode } from './like-this-mode.ts';
import type { Provider } from '../../api/provider.ts';
import { useDraftStore } from '../prompt/draft-store.ts';
import { runImageJob } from './run-image-job.ts';
import { askSquareFit } from './square-question.ts';
import { prepareVariationSource, variationSize } from './variations/variation-source.ts';

/** The Number of images setting, within what the model makes per request. */
function imageCount(model: ModelId, operation: 'variation' | 'edit'): number {
  const wanted = useDraftStore.getState().drafts.generate.settings.n;
  return Math.max(1, Math.min(wanted, rulesFor(model, operation)?.nMax ?? 1));
}

const MORE_LIKE_THIS_PROMPT =
  'Another take on this image: the same subject, composition and style, with fresh details.';

/**
 * Starts variations or More like this of `image`; resolves with the job id, or null when the
 * designer cancelled the crop-or-pad question.
 */
export async function startLikeThis(
  image: Blob,
  source: { width: number; height: number; prompt?: string; parentId?: string },
): Promise<string | null> {
  const provider = getActiveProvider();
  const mode = likeThisMode(provider, Date.now());
  if (!mode) {
    throw new ImagesApiError({
      kind: 'model_unavailable',
      title: `${provider.name} offers no model that can make more images like this one.`,
      hint: 'Set up a GPT image model in the provider settings, or use the local engine.',
      forward: { action: 'open-provider-settings' },
    });
  }
  if (mode.kind === 'more-like-this') return startMoreLikeThis(provider, mode, image, source);
  const rules = rulesFor(mode.model, 'variation')!;
  const fit =
    source.width === source.height ? 'crop' : await askSquareFit(source.width, source.height);
  if (!fit) return null;
  const params: ImageParams = {
    model: mode.model,
    n: imageCount(mode.model, 'variation'),
    // Image data rather than links: the bytes arrive in the answer (no expiring url).
    response_format: 'b64_json',
  };
  const prepared = prepareVariationSource(image, rules, fit);
  // Its failure is reported by the job below; this only stops an early "unhandled" warning.
  prepared.catch(() => undefined);
  return runImageJob({
    operation: 'variation',
    provider,
    params: { ...params, size: rules.defaultSize },
    servedModel: mode.servedModel,
    parentId: source.parentId,
    inputs: { images: [image] },
    request: async (to, options) => {
      let ready;
      try {
        ready = await prepared;
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
      const sized = { ...params, size: variationSize(rules, ready.side) };
      // The request code loads with the first request, not with the first screen.
      const { createVariation } = await import('../../api/create-variation.ts');
      return createVariation(to, sized, { image: ready.image }, options);
    },
  }).id;
}

function startMoreLikeThis(
  provider: Provider,
  mode: LikeThisMode,
  image: Blob,
  source: { prompt?: string; parentId?: string },
): string {
  const described = source.prompt?.trim();
  const prompt = described ? `${MORE_LIKE_THIS_PROMPT} ${described}` : MORE_LIKE_THIS_PROMPT;
  const params: ImageParams = {
    model: mode.model,
    prompt: prompt.slice(0, rulesFor(mode.model, 'edit')?.promptMax ?? prompt.length),
    n: imageCount(mode.model, 'edit'),
    size: 'auto',
  };
  return runImageJob({
    operation: 'edit',
    // It belongs with the image it came from, in the Generate view's queue, not the editor's.
    view: 'generate',
    provider,
    params,
    servedModel: mode.servedModel,
    parentId: source.parentId,
    inputs: { images: [image] },
    request: async (to, options) => {
      const { editImage } = await import('../../api/edit-image.ts');
      // Its prompt is Easel's own, not the designer's: what is kept is the picture.
      return editImage(to, params, { images: [image] }, { ...options, kept: VARIATION_KEPT });
    },
  }).id;
}
