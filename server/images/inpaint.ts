/**
 * Edits: paints the prompt's procedural picture into the region to change and leaves every
 * other pixel of `base` as it is (the input resized to the output size first when the sizes
 * differ; for GPT image models, the input redrawn with a small drift, see drift.ts). The region is where the mask's alpha is 0, or, without a mask, where the image
 * itself is fully transparent (the spec: "If mask is not provided, image must have
 * transparency, which will be used as the mask").
 *
 * A GPT image model given a fully opaque image and no mask has nothing marked to keep, and
 * the real models then redraw the whole picture guided by the prompt. The honest local
 * equivalent is a restyle: the input's light and shade kept, recoloured through the
 * prompt's palette (a gradient map mixed with the original), so the layout stays
 * recognisable and the prompt visibly matters.
 */
import sharp from 'sharp';
import type { Dimensions } from '../../src/api/model-types.ts';
import { renderPicture } from './render/render.ts';
import { lookFor } from './render/palette.ts';
import { clamp01, mix, type Rgb } from './render/raster.ts';
import { distanceInside } from './drift.ts';
import { regionBounds } from './region-bounds.ts';

const smoothstep = (x: number) => {
  const t = clamp01(x);
  return t * t * (3 - 2 * t);
};

export async function resizeRgba(
  image: { rgba: Buffer; width: number; height: number },
  to: Dimensions,
  kernel: 'lanczos3' | 'nearest',
): Promise<Buffer> {
  if (image.width === to.width && image.height === to.height) return image.rgba;
  return sharp(image.rgba, { raw: { width: image.width, height: image.height, channels: 4 } })
    .resize(to.width, to.height, { fit: 'fill', kernel })
    .raw()
    .toBuffer();
}

/** 1 where the picture may change: mask alpha 0, or the image's own alpha 0 without a mask. */
export function editRegion(alphaSource: Buffer): Uint8Array {
  const region = new Uint8Array(alphaSource.length / 4);
  for (let p = 0; p < region.length; p++) region[p] = alphaSource[p * 4 + 3] === 0 ? 1 : 0;
  return region;
}

export function regionSize(region: Uint8Array): number {
  let count = 0;
  for (let p = 0; p < region.length; p++) count += region[p]!;
  return count;
}

export interface InpaintSpec {
  base: Buffer;
  size: Dimensions;
  region: Uint8Array;
  prompt: string;
  model: string;
  index: number;
  transparent: boolean;
  colours?: readonly Rgb[];
  /**
   * Pixels over which the new picture fades in from `base` at the region's edge, as a real
   * model continues the surroundings into the area it repaints (0: a hard edge).
   */
  fadeWidth?: number;
}

/**
 * The picture is composed for the region's bounding box, so the prompt's whole scene (its
 * sun, planet, flowers...) lands inside the area the user marked rather than a random crop.
 */
export function inpaint(spec: InpaintSpec): Uint8ClampedArray {
  const { width } = spec.size;
  const box = regionBounds(spec.region, width);
  if (!box) return Uint8ClampedArray.from(spec.base); // nothing to repaint
  const { pixels } = renderPicture({
    prompt: spec.prompt,
    model: spec.model,
    width: box.width,
    height: box.height,
    index: spec.index,
    transparent: spec.transparent,
    colours: spec.colours,
  });
  const { base, region } = spec;
  const out = new Uint8ClampedArray(base.length);
  out.set(base);
  const fade = spec.fadeWidth ?? 0;
  const distance = fade > 0 ? distanceInside(region, width, spec.size.height) : null;
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      const p = (box.y + y) * width + box.x + x;
      if (region[p] === 0) continue;
      const i = p * 4;
      const j = (y * box.width + x) * 4;
      const t = distance ? smoothstep(distance[p]! / fade) : 1;
      const u = 1 - t;
      out[i] = pixels[j]! * t + base[i]! * u;
      out[i + 1] = pixels[j + 1]! * t + base[i + 1]! * u;
      out[i + 2] = pixels[j + 2]! * t + base[i + 2]! * u;
      out[i + 3] = pixels[j + 3]! * t + base[i + 3]! * u;
    }
  }
  return out;
}

/** The whole-image restyle for an opaque, unmasked GPT edit (see the header). */
export function restyle(base: Buffer, prompt: string, index: number): Uint8ClampedArray {
  const look = lookFor(prompt);
  const ramp: Rgb[] = [
    look.layers[3]!,
    look.layers[1]!,
    look.accents[index % look.accents.length]!,
    look.skyBottom,
  ];
  const lut: Rgb[] = [];
  for (let v = 0; v < 256; v++) {
    const t = (v / 255) * (ramp.length - 1);
    const k = Math.min(ramp.length - 2, Math.floor(t));
    lut.push(mix(ramp[k]!, ramp[k + 1]!, t - k));
  }
  const out = new Uint8ClampedArray(base.length);
  for (let i = 0; i < base.length; i += 4) {
    const luma = Math.round(0.2126 * base[i]! + 0.7152 * base[i + 1]! + 0.0722 * base[i + 2]!);
    const c = lut[luma]!;
    out[i] = c[0] * 0.7 + base[i]! * 0.3;
    out[i + 1] = c[1] * 0.7 + base[i + 1]! * 0.3;
    out[i + 2] = c[2] * 0.7 + base[i + 2]! * 0.3;
    out[i + 3] = base[i + 3]!;
  }
  return out;
}
