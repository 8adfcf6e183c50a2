/**
 * Aspect presets and "the nearest size that is allowed", shared by the Generate/Edit size
 * field (one request's free W×H rule) and Extend canvas (a canvas of any multiple of 16 that
 * holds the original). Pure.
 */
import type { CustomSizeRule, Dimensions } from './model-types.ts';

/** The shapes designers ask for most, landscape first then portrait. */
export const ASPECT_PRESETS = [
  { label: '1:1', w: 1, h: 1 },
  { label: '4:5', w: 4, h: 5 },
  { label: '3:2', w: 3, h: 2 },
  { label: '16:9', w: 16, h: 9 },
  { label: '21:9', w: 21, h: 9 },
  { label: '2:3', w: 2, h: 3 },
  { label: '9:16', w: 9, h: 16 },
] as const;

export type AspectPreset = (typeof ASPECT_PRESETS)[number];

/** What a size must satisfy; a model's CustomSizeRule is one. */
export interface SnapLimits {
  /** Both sides are multiples of this. */
  multiple: number;
  maxEdge: number;
  /** long / short at most this. */
  maxAspect?: number;
  maxPixels?: number;
  minPixels?: number;
  /** Each side at least this (rounded up to the multiple). */
  minSize?: Dimensions;
}

/**
 * The allowed size nearest to `size` (straight-line distance in pixels; a tie goes to the
 * larger side, as rounding does). For each allowed width the allowed heights form one range,
 * so the search is one pass over the widths. Null only when nothing at all is allowed.
 */
export function snapSize(size: Dimensions, limits: SnapLimits): Dimensions | null {
  const m = limits.multiple;
  const ceilM = (v: number) => Math.ceil(v / m - 1e-9) * m;
  const floorM = (v: number) => Math.floor(v / m + 1e-9) * m;
  const aspect = limits.maxAspect ?? Infinity;
  const minW = Math.max(m, ceilM(limits.minSize?.width ?? 0));
  const minH = Math.max(m, ceilM(limits.minSize?.height ?? 0));
  let best: Dimensions | null = null;
  let bestDistance = Infinity;
  for (let w = minW; w <= limits.maxEdge; w += m) {
    const low = Math.max(minH, ceilM(w / aspect), ceilM((limits.minPixels ?? 0) / w));
    const high = Math.min(
      floorM(limits.maxEdge),
      floorM(w * aspect),
      floorM((limits.maxPixels ?? Infinity) / w),
    );
    if (low > high) continue;
    const h = Math.min(high, Math.max(low, Math.round(size.height / m) * m));
    const distance = (w - size.width) ** 2 + (h - size.height) ** 2;
    if (distance <= bestDistance) {
      best = { width: w, height: h };
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * A size of the preset's shape with about `area` pixels (the size the designer has now),
 * kept inside the rule's ordinary range (not the experimental sizes) and snapped.
 */
export function presetSize(preset: AspectPreset, area: number, rule: CustomSizeRule): Dimensions {
  const pixels = Math.min(rule.experimentalAbovePixels, Math.max(rule.minPixels, area));
  const unit = Math.sqrt(pixels / (preset.w * preset.h));
  const wanted = { width: preset.w * unit, height: preset.h * unit };
  return snapSize(wanted, rule) ?? { width: 1024, height: 1024 };
}

/** The preset whose shape this size has (within rounding to the multiple), if any. */
export function matchingPreset(size: Dimensions, multiple: number): AspectPreset | undefined {
  return ASPECT_PRESETS.find((p) => Math.abs(size.width - (size.height * p.w) / p.h) < multiple);
}
