/**
 * Refinements applied to the painted mask, each one undo step: grow or shrink the painted
 * area by N pixels. The result is a hard-edged mask (what the API receives is binary).
 */
import type { MaskModel } from '../mask-model.ts';
import { growRegion, regionFromCoverage } from '../../../../lib/regions/coverage-ops.ts';

/** Grows (px > 0) or shrinks (px < 0) the painted area; returns the undo label, or null. */
export function growMask(mask: MaskModel, px: number): string | null {
  const px2 = Math.round(px);
  if (px2 === 0) return null;
  const all = { x: 0, y: 0, width: mask.width, height: mask.height };
  const region = growRegion(regionFromCoverage(mask.readAlpha(all)), mask.width, px2);
  const alpha = new Uint8Array(region.length);
  for (let p = 0; p < region.length; p++) alpha[p] = region[p] ? 255 : 0;
  const label = px2 > 0 ? `Grow mask by ${px2} px` : `Shrink mask by ${-px2} px`;
  mask.replaceCoverage(label, alpha);
  return label;
}
