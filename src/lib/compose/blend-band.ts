/**
 * The blend band: how much of the result a pixel outside the painted area takes in soft
 * compose. Shared by the compose itself (soft-compose.ts) and the stage's preview of the
 * band before an edit is sent, so what the designer is shown is what will be blended.
 */
import type { Box } from '../image-geometry.ts';
import { effectiveSettings, GROW_MAX, type ComposeSettings } from './compose-settings.ts';

/** Distances outside the painted area (soft-compose.ts's SelectionField). */
interface OutsideField {
  rect: Box;
  outside: Float32Array;
}

const smoothstep = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

/**
 * The result's share (0..1) at `distance` px outside the painted area: 1 up to the ramp,
 * easing to 0 over `feather` px that end at the grown edge, 0 beyond `grow`.
 */
export function blendWeight(distance: number, grow: number, feather: number): number {
  if (distance > grow) return 0;
  if (distance <= 0 || feather <= 0) return 1;
  return smoothstep((grow - distance + 1) / feather);
}

/**
 * For every pixel of a width × height picture: the result's share in soft compose outside
 * the painted area `field` measures, 0..255 (0 inside it too: the preview draws only the band).
 */
export function blendBand(
  field: OutsideField,
  width: number,
  height: number,
  requested: ComposeSettings,
): Uint8Array {
  const settings = effectiveSettings(requested);
  const grow = Math.min(settings.grow, GROW_MAX);
  const band = new Uint8Array(width * height);
  const { rect, outside } = field;
  for (let y = 0; y < rect.height; y++) {
    for (let x = 0; x < rect.width; x++) {
      const d = outside[y * rect.width + x]!;
      if (d <= 0 || d > grow) continue;
      band[(rect.y + y) * width + rect.x + x] = Math.round(
        255 * blendWeight(d, grow, settings.feather),
      );
    }
  }
  return band;
}
