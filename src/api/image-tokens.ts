/**
 * How many tokens an image request uses, by model, quality and size: the local engine reports
 * these as its `usage` and the studio estimates costs with them before sending, so offline
 * numbers mean something and an estimate matches what the engine then reports.
 *
 * Output tokens come from the table's published figures for 1024x1024 and 1024x1536 and scale
 * by pixel count from the nearer shape; `auto` quality counts as medium. Input images count
 * a base plus a share per 512 px tile, the way vision models count them.
 */
import { getModel } from './model-lookup.ts';
import type { FullUsage } from './image-usage.ts';
import type { Dimensions, ModelId, OutputTokenTable } from './model-types.ts';

const SQUARE_PIXELS = 1024 * 1024;
const OBLONG_PIXELS = 1024 * 1536;

function tierOf(table: OutputTokenTable, quality: string | undefined): number {
  const asked = table[quality as keyof OutputTokenTable];
  return asked ?? table.medium ?? 0;
}

/** Output image tokens for one image; 0 for models priced per image (DALL·E). */
export function outputTokensPerImage(
  model: ModelId,
  quality: string | undefined,
  size: Dimensions,
): number {
  const price = getModel(model).price;
  if (price.unit !== 'tokens') return 0;
  const pixels = size.width * size.height;
  const square = size.width === size.height;
  const base = tierOf(square ? price.outputTokens.square : price.outputTokens.oblong, quality);
  return Math.max(1, Math.round((base * pixels) / (square ? SQUARE_PIXELS : OBLONG_PIXELS)));
}

/**
 * Tokens for one input image: 130 plus 258 per 512 px tile, after fitting in 2048x2048. A 1024²
 * reference is 1,162 tokens, ≈ $0.009 at $8 per 1M, inside the $0.008–0.015 that
 * models-2026-12.md reports per 1024² reference.
 */
export function inputImageTokens(d: Dimensions): number {
  const scale = Math.min(1, 2048 / Math.max(d.width, d.height));
  const tiles = Math.ceil((d.width * scale) / 512) * Math.ceil((d.height * scale) / 512);
  return 130 + 258 * tiles;
}

/** About four characters per token, at least one. */
export function textTokens(prompt: string | undefined): number {
  return Math.max(1, Math.ceil((prompt ?? '').length / 4));
}

/** The usage a request of `count` images at `output` size would report. */
export function estimateUsage(
  model: ModelId,
  request: { prompt?: string; quality?: string },
  output: Dimensions,
  count: number,
  inputs: readonly Dimensions[] = [],
): FullUsage {
  const text = textTokens(request.prompt);
  const image = inputs.reduce((sum, d) => sum + inputImageTokens(d), 0);
  const out = outputTokensPerImage(model, request.quality, output) * count;
  return {
    input_tokens: text + image,
    output_tokens: out,
    total_tokens: text + image + out,
    input_tokens_details: { text_tokens: text, image_tokens: image },
    output_tokens_details: { image_tokens: out, text_tokens: 0 },
  };
}
