/**
 * What an image request used, as the studio reads it: the schema a provider's answer and an
 * imported archive entry are checked with, and the type everything after the check relies on.
 * openai's `ImagesResponse.Usage` requires `input_tokens_details`, yet compatible servers
 * leave it out; here the details are optional but, when present, complete — so a cost or a
 * "5 in · 10 out" line never meets an undefined count.
 */
import * as v from 'valibot';

/** A token count: finite, not negative, and bounded so no sum overflows into nonsense. */
const tokens = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e12));
const DETAILS = v.object({ image_tokens: tokens, text_tokens: tokens });

export const IMAGE_USAGE = v.object({
  input_tokens: tokens,
  output_tokens: tokens,
  total_tokens: tokens,
  input_tokens_details: v.optional(DETAILS),
  output_tokens_details: v.optional(DETAILS),
});

export type ImageUsage = v.InferOutput<typeof IMAGE_USAGE>;

/** Usage as the engine reports it: every detail present. */
export type FullUsage = Required<ImageUsage>;
