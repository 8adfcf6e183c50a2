/**
 * composeBack: "what I did not paint stays exactly as it was", for every model.
 *
 * Contract: given the original image, the edited result (already at the original's size)
 * and the mask that was sent (alpha 0 = edit here), every pixel the mask kept (alpha 255)
 * is copied byte for byte from the original and every painted pixel from the result.
 * GPT image models treat the mask as guidance and may repaint the whole picture; this
 * puts the unpainted part back. Pure: bytes in, bytes out.
 */
import type { RgbaImage } from './paint-canvas.ts';

export function composeBack(original: RgbaImage, edited: RgbaImage, mask: RgbaImage): RgbaImage {
  for (const [name, image] of [
    ['edited result', edited],
    ['mask', mask],
  ] as const) {
    if (image.width !== original.width || image.height !== original.height) {
      throw new Error(
        `composeBack: the ${name} is ${image.width}x${image.height}, the original ${original.width}x${original.height}`,
      );
    }
  }
  const out = new Uint8ClampedArray(new ArrayBuffer(original.data.length));
  const o = original.data;
  const e = edited.data;
  const m = mask.data;
  for (let i = 0; i < out.length; i += 4) {
    const from = (m[i + 3] ?? 0) === 0 ? e : o;
    out[i] = from[i] ?? 0;
    out[i + 1] = from[i + 1] ?? 0;
    out[i + 2] = from[i + 2] ?? 0;
    out[i + 3] = from[i + 3] ?? 0;
  }
  return { width: original.width, height: original.height, data: out };
}

/** How many pixels differ between two same-sized images outside the painted region. */
export function changedOutsideMask(a: RgbaImage, b: RgbaImage, mask: RgbaImage): number {
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if ((mask.data[i + 3] ?? 0) === 0) continue;
    if (
      a.data[i] !== b.data[i] ||
      a.data[i + 1] !== b.data[i + 1] ||
      a.data[i + 2] !== b.data[i + 2] ||
      a.data[i + 3] !== b.data[i + 3]
    ) {
      changed++;
    }
  }
  return changed;
}
