/**
 * Image sizes as the API writes them ("1536x1024"): parsing, and the free WxH rule of
 * gpt-image-2 and later (spec: CreateImageRequest.size).
 */
import type { CustomSizeRule, Dimensions, OperationRules } from './model-types.ts';

/** "1536x864" → {width: 1536, height: 864}; anything else → null. */
export function parseSize(size: string): Dimensions | null {
  const match = /^([1-9]\d{0,5})x([1-9]\d{0,5})$/.exec(size);
  if (!match) return null;
  return { width: Number(match[1]), height: Number(match[2]) };
}

export const sizeLabel = (d: Dimensions) => `${d.width}x${d.height}`;

/** Why a free WxH size breaks the rule, or null when it is fine. */
export function checkCustomSize(size: Dimensions, rule: CustomSizeRule): string | null {
  const { width, height } = size;
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (width % rule.multiple !== 0 || height % rule.multiple !== 0) {
    return `Width and height must both be multiples of ${rule.multiple}.`;
  }
  if (long / short > rule.maxAspect) {
    return `The aspect ratio must be between 1:${rule.maxAspect} and ${rule.maxAspect}:1.`;
  }
  if (long > rule.maxEdge) return `The longest edge can be at most ${rule.maxEdge} pixels.`;
  if (width * height > rule.maxPixels) {
    return `At most ${rule.maxPixels.toLocaleString('en-US')} pixels (3840x2160).`;
  }
  if (width * height < rule.minPixels) {
    return `At least ${rule.minPixels.toLocaleString('en-US')} pixels (for example 1024x640).`;
  }
  return null;
}

/** True when the size is one the model takes for this operation (fixed or free WxH). */
export function isSizeAllowed(rules: OperationRules, size: string): boolean {
  if (rules.sizes.includes(size)) return true;
  if (!rules.customSize) return false;
  const dims = parseSize(size);
  return dims !== null && checkCustomSize(dims, rules.customSize) === null;
}

/** Sizes above 2560x1440 on gpt-image-2 work but the spec calls them experimental. */
export function isExperimentalSize(rules: OperationRules, size: string): boolean {
  const dims = parseSize(size);
  if (!rules.customSize || !dims) return false;
  return dims.width * dims.height > rules.customSize.experimentalAbovePixels;
}
