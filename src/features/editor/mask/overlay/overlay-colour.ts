/**
 * The mask's overlay colour: a few swatches to choose from, or Auto, which picks the swatch
 * that stands out most from the picture under the painted area (pink on a red roof cannot
 * be read; cyan can). Only the display changes: the mask's pixels and export never see it.
 */
import { rgbToLab, type Lab } from '../../../../lib/compose/lab.ts';

export const OVERLAY_SWATCHES = [
  { id: 'pink', label: 'Pink', rgb: [255, 45, 120] },
  { id: 'cyan', label: 'Cyan', rgb: [0, 200, 255] },
  { id: 'yellow', label: 'Yellow', rgb: [255, 214, 0] },
  { id: 'green', label: 'Green', rgb: [40, 220, 90] },
  { id: 'blue', label: 'Blue', rgb: [50, 90, 255] },
] as const;

export type SwatchId = (typeof OVERLAY_SWATCHES)[number]['id'];
export type OverlayChoice = SwatchId | 'auto';

export function swatch(id: SwatchId) {
  return OVERLAY_SWATCHES.find((s) => s.id === id)!;
}

export const swatchCss = (id: SwatchId, alpha = 1) => `rgb(${swatch(id).rgb.join(' ')} / ${alpha})`;

/**
 * A colour difference (CIE76 ΔE) beyond which a tint reads clearly: farther reads no better,
 * so a swatch identical to half the picture cannot win by being very far from the rest.
 */
export const READS_CLEARLY = 100;
/** Auto switches only for a clearly better swatch, so the overlay does not flicker. */
export const SWITCH_MARGIN = 8;

const SWATCH_LAB = OVERLAY_SWATCHES.map(({ rgb }) => rgbToLab(rgb[0], rgb[1], rgb[2]));

/** How well each swatch stands out from `samples` (mean capped ΔE), in swatch order. */
export function contrastScores(samples: readonly Lab[]): number[] {
  return SWATCH_LAB.map(([l, a, b]) => {
    if (samples.length === 0) return READS_CLEARLY;
    let sum = 0;
    for (const [sl, sa, sb] of samples) {
      sum += Math.min(READS_CLEARLY, Math.hypot(sl - l, sa - a, sb - b));
    }
    return sum / samples.length;
  });
}

/**
 * The swatch that stands out most from the picture's colours in `samples`; `current` stays
 * unless another beats it by SWITCH_MARGIN. Ties go to the earlier swatch.
 */
export function pickContrasting(samples: readonly Lab[], current: SwatchId | null): SwatchId {
  const scores = contrastScores(samples);
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  const held = current ? OVERLAY_SWATCHES.findIndex((s) => s.id === current) : -1;
  if (held >= 0 && scores[best]! - scores[held]! < SWITCH_MARGIN) return current!;
  return OVERLAY_SWATCHES[best]!.id;
}
