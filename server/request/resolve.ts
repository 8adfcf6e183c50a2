/**
 * What a valid request resolves to: the exact output size and the quality to report. Token
 * usage comes from src/api/image-tokens.ts, shared with the studio's cost estimates.
 */
import { parseSize } from '../../src/api/image-size.ts';
import type { Dimensions, OperationRules } from '../../src/api/model-types.ts';

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

/** The quality the response reports: the tier asked for, `auto` rendered as medium. */
export function reportedQuality(quality: string | undefined): string {
  return quality === undefined || quality === 'auto' ? 'medium' : quality;
}
