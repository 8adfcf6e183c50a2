/**
 * Extend canvas geometry, pure: the canvas sizes a model can be asked for, the canvas of an
 * aspect preset (api/size-snap.ts), where the original sits on the new canvas, which part is new.
 *
 * - Free-size models (GPT Image 2 and later): one request takes any W×H that is a multiple
 *   of 16, between 1:3 and 3:1, within 3840×2160's pixels (the model table's rule); a
 *   larger canvas is made in several frames (plan-frames.ts).
 * - Fixed-size models (GPT Image 1.x, DALL·E 2's squares): the canvas is any multiple of 16
 *   and is made in frames of the model's own sizes.
 * - A canvas or frame smaller than the model makes is asked for at a larger size of its own
 *   shape and the answer scaled down to it (requestSize).
 */
import { checkCustomSize } from '../../../api/image-size.ts';
import { snapSize } from '../../../api/size-snap.ts';
import type { CustomSizeRule, Dimensions, OperationRules } from '../../../api/model-types.ts';
import type { Rect } from '../mask/paint-canvas.ts';

export const SIZE_STEP = 16;
/** The largest canvas the tool makes (frames beyond one request's limits). */
export const MAX_CANVAS_EDGE = 8192;

export type SizeLimits =
  { kind: 'free'; rule: CustomSizeRule } | { kind: 'fixed'; sizes: readonly Dimensions[] };

/** What one request of this model can produce. */
export function sizeLimits(rules: OperationRules): SizeLimits {
  if (rules.customSize) return { kind: 'free', rule: rules.customSize };
  const sizes = rules.sizes
    .map((s) => /^(\d+)x(\d+)$/.exec(s))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  return { kind: 'fixed', sizes };
}

/** Whether one request can make the whole canvas. */
export function fitsOneRequest(canvas: Dimensions, limits: SizeLimits): boolean {
  return requestSize(canvas, limits) !== null;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The size to ask the model for to make a part of the canvas (the whole canvas or one
 * frame), or null when it cannot: the part's own size when the model makes it, else the
 * smallest size of exactly the part's shape that the model makes and that is larger, the
 * answer then scaled down to the part. A picture smaller than the model's smallest size
 * (GPT Image 2's 655,360 pixels, GPT Image 1's 1024 px) can so be extended; the model is
 * never asked for less than the part, so nothing is stretched.
 */
export function requestSize(part: Dimensions, limits: SizeLimits): Dimensions | null {
  if (limits.kind === 'fixed') {
    const fits = limits.sizes
      .filter((s) => s.width * part.height === s.height * part.width && s.width >= part.width)
      .sort((a, b) => a.width - b.width);
    return fits[0] ?? null;
  }
  const { rule } = limits;
  if (part.width % SIZE_STEP !== 0 || part.height % SIZE_STEP !== 0) return null;
  if (checkCustomSize(part, rule) === null) return part;
  // The same shape on the 16 px grid comes in steps of `unit`; only "too few pixels" can be
  // cured by going larger.
  const steps = gcd(part.width / SIZE_STEP, part.height / SIZE_STEP);
  const unit = { width: part.width / steps, height: part.height / steps };
  for (let k = steps + 1; ; k++) {
    const size = { width: unit.width * k, height: unit.height * k };
    const long = Math.max(size.width, size.height);
    if (long > rule.maxEdge || size.width * size.height > rule.maxPixels) return null;
    if (long / Math.min(size.width, size.height) > rule.maxAspect) return null;
    if (checkCustomSize(size, rule) === null) return size;
  }
}

/**
 * The largest part of the canvas of exactly `shape`'s proportions on the 16 px grid, no
 * larger than `shape` itself, or null if none fits.
 */
export function largestOfShape(shape: Dimensions, canvas: Dimensions): Dimensions | null {
  if (shape.width <= canvas.width && shape.height <= canvas.height) return shape;
  const steps = gcd(Math.round(shape.width / SIZE_STEP), Math.round(shape.height / SIZE_STEP));
  const unit = { width: shape.width / steps, height: shape.height / steps };
  if (!Number.isInteger(unit.width) || !Number.isInteger(unit.height)) return null;
  const k = Math.min(
    Math.floor(canvas.width / unit.width),
    Math.floor(canvas.height / unit.height),
  );
  return k > 0 ? { width: unit.width * k, height: unit.height * k } : null;
}

/** A canvas size the tool accepts: multiples of 16, never smaller than the original. */
export function snapCanvas(size: Dimensions, original: Dimensions): Dimensions {
  const limits = { multiple: SIZE_STEP, maxEdge: MAX_CANVAS_EDGE, minSize: original };
  // Always found: the original's own size, rounded up to 16, is allowed.
  return snapSize(size, limits)!;
}

/** The smallest canvas of the aspect `w:h` that holds the original. */
export function presetCanvas(original: Dimensions, w: number, h: number): Dimensions {
  const scale = Math.max(original.width / w, original.height / h);
  return snapCanvas({ width: Math.ceil(w * scale), height: Math.ceil(h * scale) }, original);
}

/** The original centred on the canvas (whole pixels). */
export function centred(original: Dimensions, canvas: Dimensions): { x: number; y: number } {
  return {
    x: Math.floor((canvas.width - original.width) / 2),
    y: Math.floor((canvas.height - original.height) / 2),
  };
}

/** Keeps the original wholly on the canvas. */
export function clampPlacement(
  at: { x: number; y: number },
  original: Dimensions,
  canvas: Dimensions,
): { x: number; y: number } {
  return {
    x: Math.round(Math.min(canvas.width - original.width, Math.max(0, at.x))),
    y: Math.round(Math.min(canvas.height - original.height, Math.max(0, at.y))),
  };
}

/**
 * How far the mask reaches into the original: 48 px (public outpainting tools use 32-64;
 * seams vanish when the mask eats into the original), less for a small original so most
 * of it stays as it is.
 */
export function overlapBand(original: Dimensions): number {
  return Math.max(8, Math.min(48, Math.floor(Math.min(original.width, original.height) / 8)));
}

export interface ExtendLayout {
  canvas: Dimensions;
  /** Where the original sits on the canvas. */
  original: Rect;
}
