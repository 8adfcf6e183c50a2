/**
 * Variations take what the variations model's table entry says (DALL·E 2: one square PNG
 * under 4 MB, 256 to 1024 px). Results of other models are often JPEG/WebP or not square, so
 * the source is cropped to its centre square or padded (transparent) to one — as the designer
 * chose — scaled to the model's largest size at most, and encoded as PNG; when that still
 * weighs too much it is scaled down to the next size.
 */
import { parseSize } from '../../../api/image-size.ts';
import type { OperationRules } from '../../../api/model-types.ts';

export type SquareFit = 'crop' | 'pad';

export interface VariationSource {
  image: Blob;
  /** True when the image had to be cropped, padded or re-encoded (the job says so). */
  converted: boolean;
  side: number;
}

/** The square sides the model makes, largest first (DALL·E 2: 1024, 512, 256). */
function squareSides(rules: OperationRules): number[] {
  return rules.sizes
    .map(parseSize)
    .filter((d) => d !== null && d.width === d.height)
    .map((d) => d!.width)
    .sort((a, b) => b - a);
}

export async function prepareVariationSource(
  source: Blob,
  rules: OperationRules,
  fit: SquareFit,
): Promise<VariationSource> {
  const maxBytes = rules.images?.maxBytes ?? Infinity;
  const sides = squareSides(rules);
  const bitmap = await createImageBitmap(source);
  try {
    const { width, height } = bitmap;
    if (source.type === 'image/png' && width === height && source.size < maxBytes) {
      return { image: source, converted: false, side: width };
    }
    const square = fit === 'crop' ? Math.min(width, height) : Math.max(width, height);
    const largest = sides[0] ?? square;
    for (const side of [Math.min(square, largest), ...sides.filter((s) => s < largest)]) {
      const canvas = new OffscreenCanvas(side, side);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('This browser cannot draw the image to convert it.');
      const k = side / square;
      // Crop: the centre square fills the canvas. Pad: the whole image, centred, on transparency.
      const [dw, dh] = [width * k, height * k];
      ctx.drawImage(bitmap, (side - dw) / 2, (side - dh) / 2, dw, dh);
      const image = await canvas.convertToBlob({ type: 'image/png' });
      if (image.size < maxBytes) return { image, converted: true, side };
    }
    throw new Error('The image is too detailed to fit the size limit of variations.');
  } finally {
    bitmap.close();
  }
}

/** The model's square size closest to (not above) the source, so nothing is upscaled needlessly. */
export function variationSize(rules: OperationRules, side: number): string {
  const sides = squareSides(rules);
  const fitting = sides.find((s) => s <= side) ?? sides[sides.length - 1] ?? side;
  return `${fitting}x${fitting}`;
}
