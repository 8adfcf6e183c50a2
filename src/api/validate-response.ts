/**
 * A provider's answer, checked at the edge before anything is shown or saved (valibot): every
 * field is bounded, so no answer can blank the studio (a `created` of 1e300 made "Invalid time
 * value" when the result was shown) or flood it (500 images for n=1). What is merely odd is
 * made harmless — a time out of range becomes the time of arrival, images past the count asked
 * for are dropped, an over-long revised prompt is shortened, unreadable usage is left out —
 * and what cannot be used is an invalid-response error that says what was wrong.
 */
import * as v from 'valibot';
import type { ImagesResponse } from 'openai/resources/images';
import { invalidResponseError, type ErrorContext } from './errors.ts';
import { IMAGE_USAGE, type ImageUsage } from './image-usage.ts';

/** An answer after the check: openai's shape, with the usage the check guarantees. */
export type CheckedAnswer = Omit<ImagesResponse, 'usage'> & { usage?: ImageUsage };

/** The largest image a provider returns (a 3840×2160 PNG) with room, as base64 text. */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;
export const MAX_B64_LENGTH = Math.ceil(MAX_IMAGE_BYTES / 3) * 4;
const MAX_URL = 8192;
const MAX_PROMPT = 32_000;
/** Seconds since 1970 that a Date can still show (9999-12-31). */
const MAX_CREATED = Math.floor(Date.UTC(9999, 11, 31) / 1000);

const shortText = v.pipe(v.string(), v.maxLength(64));

const ITEM = v.object({
  b64_json: v.optional(v.nullable(v.string())),
  url: v.optional(v.nullable(v.string())),
  revised_prompt: v.optional(v.nullable(v.string())),
});

const ANSWER = v.object({
  created: v.optional(v.unknown()),
  data: v.array(v.unknown()),
  usage: v.optional(v.unknown()),
  output_format: v.optional(v.unknown()),
  size: v.optional(v.unknown()),
  quality: v.optional(v.unknown()),
  background: v.optional(v.unknown()),
});

/** `value` when it passes `schema`, else undefined (an optional field that is not usable). */
function usable<T extends v.GenericSchema>(schema: T, value: unknown) {
  const result = v.safeParse(schema, value);
  return result.success ? (result.output as v.InferOutput<T>) : undefined;
}

/** The answer, bounded and cleaned, or an invalid-response error saying what was wrong. */
export function checkImagesResponse(
  value: unknown,
  ctx: ErrorContext,
  requested: number,
  now = Date.now(),
): CheckedAnswer {
  const answer = v.safeParse(ANSWER, value);
  if (!answer.success) {
    throw invalidResponseError(ctx, 'The answer was not an object with a list of images (data).');
  }
  const { output } = answer;
  const wanted = Math.max(1, Math.min(10, Math.floor(requested) || 1));
  const data = output.data.slice(0, wanted).map((raw, i) => {
    const item = v.safeParse(ITEM, raw);
    if (!item.success) throw invalidResponseError(ctx, `Image ${i + 1} was not an object.`);
    const { b64_json, url, revised_prompt } = item.output;
    if (b64_json && b64_json.length > MAX_B64_LENGTH) {
      throw invalidResponseError(
        ctx,
        `Image ${i + 1} was larger than any image the API returns (over ${MAX_IMAGE_BYTES / 1024 / 1024} MB).`,
      );
    }
    if (url && url.length > MAX_URL)
      throw invalidResponseError(ctx, `The link of image ${i + 1} was too long to be real.`);
    return {
      ...(b64_json ? { b64_json } : {}),
      ...(url ? { url } : {}),
      ...(revised_prompt ? { revised_prompt: revised_prompt.slice(0, MAX_PROMPT) } : {}),
    };
  });
  const created = usable(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_CREATED)),
    output.created,
  );
  const usage = usable(IMAGE_USAGE, output.usage);
  const format = usable(v.picklist(['png', 'jpeg', 'webp']), output.output_format);
  return {
    created: created ?? Math.floor(now / 1000),
    data,
    ...(usage ? { usage } : {}),
    ...(format ? { output_format: format } : {}),
    ...(usable(shortText, output.size) ? { size: output.size as ImagesResponse['size'] } : {}),
    ...(usable(shortText, output.quality)
      ? { quality: output.quality as ImagesResponse['quality'] }
      : {}),
    ...(usable(shortText, output.background)
      ? { background: output.background as ImagesResponse['background'] }
      : {}),
  };
}

/** The most bytes a well-formed answer of `requested` images can take. */
export function maxAnswerBytes(requested: number): number {
  return Math.max(1, Math.min(10, requested)) * (MAX_B64_LENGTH + 64 * 1024) + 1024 * 1024;
}
