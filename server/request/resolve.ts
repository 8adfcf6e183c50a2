/**
 * What a valid request resolves to: the exact output size, the quality and background to
 * report, and plausible token usage for the GPT image models.
 */
import { parseSize, type Dimensions, type OperationRules } from '../../src/api/models.ts';
import type { ImageParams } from '../../src/api/params.ts';

/** `auto` for generations: the square the GPT image models start from. */
export const AUTO_GENERATION_SIZE: Dimensions = { width: 1024, height: 1024 };
/** `auto` for edits follows the input image but stays within gpt-image-2's pixel budget. */
const MAX_AUTO_PIXELS = 3840 * 2160;

export function resolveSize(
  rules: OperationRules,
  size: string | undefined,
  input?: Dimensions,
): Dimensions {
  const asked = size ?? rules.defaultSize;
  if (asked !== 'auto') {
    const dims = parseSize(asked);
    if (!dims) throw new Error(`resolveSize: '${asked}' passed validation but is not WxH`);
    return dims;
  }
  if (!input) return AUTO_GENERATION_SIZE;
  const scale = Math.min(1, Math.sqrt(MAX_AUTO_PIXELS / (input.width * input.height)));
  return {
    width: Math.max(1, Math.floor(input.width * scale)),
    height: Math.max(1, Math.floor(input.height * scale)),
  };
}

export const sizeLabel = (d: Dimensions) => `${d.width}x${d.height}`;

/** The quality the response reports (low|medium|high): `auto` is rendered as medium. */
export function reportedQuality(quality: string | undefined): 'low' | 'medium' | 'high' {
  return quality === 'low' || quality === 'high' ? quality : 'medium';
}

// Output tokens per 1024x1024 image by quality, in line with OpenAI's published figures
// for gpt-image-1 (272 / 1056 / 4160), scaled by pixel count for other sizes.
const OUTPUT_TOKENS_PER_MEGAPIXEL = { low: 272, medium: 1056, high: 4160 } as const;

export interface ImagesUsage {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  input_tokens_details: { text_tokens: number; image_tokens: number };
  output_tokens_details: { image_tokens: number; text_tokens: number };
}

/** Image input tokens: a base plus a share per 512 px tile, like vision models count. */
function imageInputTokens(d: Dimensions): number {
  const scale = Math.min(1, 2048 / Math.max(d.width, d.height));
  const w = d.width * scale;
  const h = d.height * scale;
  const shortScale = Math.min(1, 768 / Math.min(w, h));
  const tiles = Math.ceil((w * shortScale) / 512) * Math.ceil((h * shortScale) / 512);
  return 65 + 129 * tiles;
}

export function estimateUsage(
  params: ImageParams,
  output: Dimensions,
  count: number,
  inputs: readonly Dimensions[] = [],
): ImagesUsage {
  const text = Math.max(1, Math.ceil((params.prompt ?? '').length / 4));
  const image = inputs.reduce((sum, d) => sum + imageInputTokens(d), 0);
  const perImage =
    OUTPUT_TOKENS_PER_MEGAPIXEL[reportedQuality(params.quality)] *
    ((output.width * output.height) / (1024 * 1024));
  const out = Math.max(1, Math.round(perImage)) * count;
  return {
    input_tokens: text + image,
    output_tokens: out,
    total_tokens: text + image + out,
    input_tokens_details: { text_tokens: text, image_tokens: image },
    output_tokens_details: { image_tokens: out, text_tokens: 0 },
  };
}
