/**
 * How a GPT image model's edit treats what it was asked to keep: it redraws the whole
 * picture, so the unpainted area comes back close to, but not exactly, the original
 * (a public reproduction with gpt-image-1 found half the protected pixels changed, with a
 * warm colour cast; gpt-image-1-mini was seen to reframe the picture). The engine imitates
 * that with a small seeded drift, so the studio's compose-back is tested against the
 * problem it exists to solve:
 *
 * - a slight blur (Gaussian, sigma 0.6: the redraw is a little softer than the source);
 * - a colour cast (per-channel gain and offset, warm on average: red up, blue down);
 * - noise (about ±2 levels per channel);
 * - gpt-image-1-mini also shifts the picture by one pixel right and down.
 *
 * Seeded by model, prompt and index: the same request drifts the same way. The drift never
 * touches alpha. `EngineOptions.drift: false` (`--no-drift`) turns all of it off.
 */
import sharp from 'sharp';
import type { Dimensions } from '../../src/api/model-types.ts';
import { range, seededRandom, type Random } from './render/random.ts';
import { regionBounds } from './region-bounds.ts';

export interface DriftSpec {
  model: string;
  prompt: string;
  index: number;
}

export interface DriftLook {
  gain: [number, number, number];
  offset: [number, number, number];
  /** Peak noise, in levels. */
  noise: number;
  shift: { x: number; y: number };
}

/** The drift a request gets: small enough to look like the same picture, big enough to seam. */
export function driftLook(spec: DriftSpec): DriftLook {
  const rng = seededRandom('drift', spec.model, spec.prompt, spec.index);
  const shifts = spec.model.startsWith('gpt-image-1-mini');
  return {
    gain: [range(rng, 1.0, 1.04), range(rng, 0.98, 1.02), range(rng, 0.94, 0.98)],
    offset: [range(rng, 3, 7), range(rng, -2, 3), range(rng, -7, -3)],
    noise: 2,
    shift: shifts ? { x: 1, y: 1 } : { x: 0, y: 0 },
  };
}

/** The base redrawn with the request's drift (RGBA in, RGBA out; alpha kept exactly). */
export async function redrawWithDrift(
  base: Buffer,
  size: Dimensions,
  spec: DriftSpec,
): Promise<Buffer> {
  const { width, height } = size;
  const look = driftLook(spec);
  const soft = await sharp(base, { raw: { width, height, channels: 4 } })
    .blur(0.6)
    .raw()
    .toBuffer();
  const rng: Random = seededRandom('drift-noise', spec.model, spec.prompt, spec.index);
  const out = Buffer.alloc(base.length);
  const { gain, offset, noise, shift } = look;
  const [g0, g1, g2] = gain;
  const [o0, o1, o2] = offset;
  const level = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
  for (let y = 0; y < height; y++) {
    const sy = Math.max(0, y - shift.y);
    for (let x = 0; x < width; x++) {
      const sx = Math.max(0, x - shift.x);
      const i = (y * width + x) * 4;
      const s = (sy * width + sx) * 4;
      // Red, green, blue: one noise value each, in that order.
      out[i] = level(soft[s]! * g0 + o0 + (rng() * 2 - 1) * noise);
      out[i + 1] = level(soft[s + 1]! * g1 + o1 + (rng() * 2 - 1) * noise);
      out[i + 2] = level(soft[s + 2]! * g2 + o2 + (rng() * 2 - 1) * noise);
      out[i + 3] = base[i + 3]!;
    }
  }
  return out;
}

/**
 * For each pixel of the region, its distance in pixels to the nearest pixel outside it
 * (0 outside). A two-pass chamfer transform (weights 3 and 4, divided by 3): within a few
 * percent of the Euclidean distance, in two sweeps over the region's bounding box.
 */
export function distanceInside(region: Uint8Array, width: number, height: number): Float32Array {
  const d = new Float32Array(region.length);
  const box = regionBounds(region, width);
  if (!box) return d;
  const [x0, y0] = [box.x, box.y];
  const [x1, y1] = [box.x + box.width - 1, box.y + box.height - 1];
  const far = 1e9;
  for (let y = y0; y <= y1; y++) {
    for (let p = y * width + x0; p <= y * width + x1; p++) d[p] = region[p] ? far : 0;
  }
  // Beyond the image counts as outside (0), like the pixels around the box. The neighbours
  // are read inline rather than through a bounds-checking helper: these two sweeps are most
  // of an edit's fade, a million reads for a 1024² mask.
  const lastX = width - 1;
  const lastY = height - 1;
  for (let y = y0; y <= y1; y++) {
    const above = (y - 1) * width;
    for (let x = x0; x <= x1; x++) {
      const p = y * width + x;
      const here = d[p]!;
      if (here === 0) continue;
      const up = y > 0 ? d[above + x]! : 0;
      const upLeft = y > 0 && x > 0 ? d[above + x - 1]! : 0;
      const upRight = y > 0 && x < lastX ? d[above + x + 1]! : 0;
      const left = x > 0 ? d[p - 1]! : 0;
      d[p] = Math.min(here, left + 3, up + 3, upLeft + 4, upRight + 4);
    }
  }
  for (let y = y1; y >= y0; y--) {
    const below = (y + 1) * width;
    for (let x = x1; x >= x0; x--) {
      const p = y * width + x;
      const here = d[p]!;
      if (here === 0) continue;
      const down = y < lastY ? d[below + x]! : 0;
      const downRight = y < lastY && x < lastX ? d[below + x + 1]! : 0;
      const downLeft = y < lastY && x > 0 ? d[below + x - 1]! : 0;
      const right = x < lastX ? d[p + 1]! : 0;
      d[p] = Math.min(here, right + 3, down + 3, downRight + 4, downLeft + 4);
    }
  }
  for (let y = y0; y <= y1; y++) {
    for (let p = y * width + x0; p <= y * width + x1; p++) d[p] = d[p]! / 3;
  }
  return d;
}
