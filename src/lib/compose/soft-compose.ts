/**
 * composeEdit: puts an edit's result back onto the original, softly.
 *
 * Contract (pure, bytes in, bytes out): every pixel farther than `grow` from the painted
 * area is the original's, byte for byte; every painted pixel is the result's (colour
 * matched in soft mode); in between, the rim the model was asked to redraw, the result
 * fades into the original over `feather` pixels ending at the rim's outer edge. When the
 * registration check finds the result shifted, it is realigned first; when it finds the
 * picture reframed, nothing is pasted: the raw result comes back with the report saying so.
 */
import type { Box as Rect } from '../image-geometry.ts';
import { blendWeight } from './blend-band.ts';
import { distanceField, type Region } from '../regions/coverage-ops.ts';
import {
  colourTransfer,
  labStats,
  lookUp,
  transferTable,
  type ColourTransfer,
} from './colour-match.ts';
import { effectiveSettings, GROW_MAX, type ComposeSettings } from './compose-settings.ts';
import { checkRegistration, MAX_SHIFT, realign, type Registration } from './registration.ts';

export interface ComposeInputs {
  width: number;
  height: number;
  /** RGBA of the image as sent. */
  original: Uint8ClampedArray<ArrayBuffer>;
  /** RGBA of the result, already at the original's size. */
  result: Uint8ClampedArray<ArrayBuffer>;
  /** 1 where the designer painted (the mask before grow). */
  selection: Region;
}

/** Distances from the painted area, computed once per edit and reused for every setting. */
export interface SelectionField {
  rect: Rect;
  /** For each pixel of `rect`: 0 inside the painted area, else distance to it. */
  outside: Float32Array;
}

/** Width of the ring outside the blend whose pixels colour matching measures. */
export const RING = 16;
const MAX_RING_SAMPLES = 20_000;
/** Keep unchanged: fully original below this mean difference (levels), fully result above. */
export const UNCHANGED_BELOW = 4;
export const CHANGED_ABOVE = 12;

export function selectionField(selection: Region, width: number): SelectionField | null {
  const field = distanceField(selection, width, GROW_MAX + RING + MAX_SHIFT, 'outside');
  return field && { rect: field.rect, outside: field.distances };
}

export interface ComposeReport {
  registration: Registration;
  /** The colour transfer applied, or null (off, hard mode, or nothing to measure). */
  colour: ColourTransfer | null;
}

const smoothstep = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

export function composeEdit(
  inputs: ComposeInputs,
  field: SelectionField | null,
  requested: ComposeSettings,
): { pixels: Uint8ClampedArray<ArrayBuffer>; report: ComposeReport } {
  const { width, height, original, selection } = inputs;
  const settings = effectiveSettings(requested);
  const inPlace: Registration = { kind: 'aligned', dx: 0, dy: 0, score: 1 };
  if (settings.mode === 'raw' || !field) {
    return { pixels: inputs.result.slice(), report: { registration: inPlace, colour: null } };
  }
  const { rect, outside } = field;
  const grow = Math.min(settings.grow, GROW_MAX);
  const distanceAt = (p: number) => {
    const x = (p % width) - rect.x;
    const y = Math.floor(p / width) - rect.y;
    return x < 0 || y < 0 || x >= rect.width || y >= rect.height
      ? Infinity
      : outside[y * rect.width + x]!;
  };

  const registration = checkRegistration(
    original,
    inputs.result,
    width,
    height,
    (p) => distanceAt(p) > grow + MAX_SHIFT + 2,
  );
  if (registration.kind === 'reframed') {
    return { pixels: inputs.result.slice(), report: { registration, colour: null } };
  }
  const result =
    registration.kind === 'shifted'
      ? realign(inputs.result, width, height, registration.dx, registration.dy)
      : inputs.result;

  const colour = settings.colourMatch ? measureDrift(original, result, width, field, grow) : null;
  const table = colour && transferTable(colour);
  const matched = new Float32Array(3);
  const pixels = original.slice();
  for (let y = 0; y < rect.height; y++) {
    for (let x = 0; x < rect.width; x++) {
      const d = outside[y * rect.width + x]!;
      if (d > grow) continue;
      const p = (rect.y + y) * width + rect.x + x;
      let w = selection[p] ? 1 : blendWeight(d, grow, settings.feather);
      const i = p * 4;
      if (table) lookUp(table, result, i, matched);
      else for (let c = 0; c < 3; c++) matched[c] = result[i + c]!;
      if (settings.keepUnchanged) {
        const diff =
          (Math.abs(matched[0]! - original[i]!) +
            Math.abs(matched[1]! - original[i + 1]!) +
            Math.abs(matched[2]! - original[i + 2]!)) /
          3;
        w *= smoothstep((diff - UNCHANGED_BELOW) / (CHANGED_ABOVE - UNCHANGED_BELOW));
      }
      if (w <= 0) continue;
      for (let c = 0; c < 3; c++)
        pixels[i + c] = original[i + c]! + (matched[c]! - original[i + c]!) * w;
      pixels[i + 3] = original[i + 3]! + (result[i + 3]! - original[i + 3]!) * w;
    }
  }
  return { pixels, report: { registration, colour } };
}

/**
 * The result's colour drift, measured on a ring just outside the blended area (the model
 * was asked to keep those pixels, so there the two pictures should agree). Null when the
 * ring holds no opaque pixel (the edit covers the whole picture).
 */
function measureDrift(
  original: Uint8ClampedArray,
  result: Uint8ClampedArray,
  width: number,
  field: SelectionField,
  grow: number,
): ColourTransfer | null {
  const { rect, outside } = field;
  const ring: number[] = [];
  for (let y = 0; y < rect.height; y++) {
    for (let x = 0; x < rect.width; x++) {
      const d = outside[y * rect.width + x]!;
      if (d <= grow || d > grow + RING) continue;
      const p = (rect.y + y) * width + rect.x + x;
      if (original[p * 4 + 3] === 255 && result[p * 4 + 3] === 255) ring.push(p);
    }
  }
  if (ring.length === 0) return null;
  const step = Math.ceil(ring.length / MAX_RING_SAMPLES);
  const sample = step === 1 ? ring : ring.filter((_, k) => k % step === 0);
  return colourTransfer(labStats(result, sample), labStats(original, sample));
}
