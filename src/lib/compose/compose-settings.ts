/**
 * How an edit's result is put back onto the original (the compare view's Raw / Hard / Soft):
 * - raw: what the model returned;
 * - hard: the original everywhere outside the (grown) painted area, byte for byte;
 * - soft: the same, with the edge feathered, the result's colours matched to the original
 *   and, optionally, the original kept where the result barely differs from it.
 *
 * Defaults follow Krita AI Diffusion's (feather about 10% of the painted area's bounding-box
 * diagonal, grow 4 px + half of that, blend band at most 25 px), with one change measured
 * by the seam benchmark (bench/seams.ts): the blend band never exceeds the grow, so the
 * ramp lies entirely in the rim the model was asked to redraw and the painted area itself
 * is never partly the old picture.
 */
import type { Box as Rect } from '../image-geometry.ts';

export type ComposeMode = 'raw' | 'hard' | 'soft';

export interface ComposeSettings {
  mode: ComposeMode;
  /** Pixels the painted area is grown by: sent to the model, and taken from its result. */
  grow: number;
  /** Width in pixels of the blend from the result into the original (soft only). */
  feather: number;
  /** Match the result's colours to the original's around the edit (soft only). */
  colourMatch: boolean;
  /** Keep original pixels where the result barely differs from them (soft only). */
  keepUnchanged: boolean;
}

export const GROW_MAX = 128;
export const FEATHER_MAX = 64;
/** Krita's cap on the blend band. */
const BAND_CAP = 25;

export function defaultComposeSettings(painted: Rect | null): ComposeSettings {
  const diagonal = painted ? Math.hypot(painted.width, painted.height) : 0;
  const feather = 0.1 * diagonal;
  const grow = Math.round(Math.min(GROW_MAX, 4 + feather / 2));
  return {
    mode: 'soft',
    grow,
    feather: Math.min(BAND_CAP, grow),
    colourMatch: true,
    keepUnchanged: false,
  };
}

/** Settings as they apply in a mode: hard is soft with no feather and no colour work. */
export function effectiveSettings(settings: ComposeSettings): ComposeSettings {
  if (settings.mode !== 'hard') return settings;
  return { ...settings, feather: 0, colourMatch: false, keepUnchanged: false };
}
