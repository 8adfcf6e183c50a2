/**
 * How refused result bytes (image-check.ts) are told: which image of the answer, what came
 * back, and from whom — as the failure of a request none of whose images could be kept, or
 * as a note beside the images that were.
 */
import { ImagesApiError, keptNote, type ErrorContext } from './errors.ts';
import type { RefusedImage } from './image-result.ts';

/** "image 2 was a web page (HTML), not a picture" — one sentence per refused image. */
export function refusedSentence({ index, problem }: RefusedImage, total: number): string {
  return `${total === 1 ? 'The image' : `Image ${index + 1}`} was ${problem}.`;
}

export function refusedImagesError(
  ctx: ErrorContext,
  refused: readonly RefusedImage[],
  total: number,
): ImagesApiError {
  return new ImagesApiError({
    kind: 'invalid_response',
    title: `${ctx.provider.name} sent ${total === 1 ? 'an image' : 'images'} Easel cannot use.`,
    detail: refused.map((image) => refusedSentence(image, total)).join(' '),
    hint:
      `Nothing was saved; ${keptNote(ctx)}. Try again, or choose another ` +
      'model if it happens again.',
    forward: { action: 'try-again' },
  });
}
