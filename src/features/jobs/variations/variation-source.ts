/**
 * Variations (dall-e-2) take one square PNG under 4 MB. Results of other models are often
 * JPEG/WebP or not square, so the source is centre-cropped to a square, scaled to at most
 * 1024 px, and encoded as PNG; when that still weighs 4 MB or more it is scaled down again.
 */
const MAX_BYTES = 4 * 1024 * 1024;

export interface VariationSource {
  image: Blob;
  /** True when the image had to be cropped or re-encoded (the job says so). */
  converted: boolean;
  side: number;
}

export async function prepareVariationSource(source: Blob): Promise<VariationSource> {
  const bitmap = await createImageBitmap(source);
  try {
    const { width, height } = bitmap;
    if (source.type === 'image/png' && width === height && source.size < MAX_BYTES) {
      return { image: source, converted: false, side: width };
    }
    const crop = Math.min(width, height);
    for (const side of [Math.min(crop, 1024), 512, 256]) {
      const canvas = new OffscreenCanvas(side, side);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('This browser cannot draw the image to convert it.');
      ctx.drawImage(bitmap, (width - crop) / 2, (height - crop) / 2, crop, crop, 0, 0, side, side);
      const image = await canvas.convertToBlob({ type: 'image/png' });
      if (image.size < MAX_BYTES) return { image, converted: true, side };
    }
    throw new Error('The image is too detailed to fit the 4 MB limit of variations.');
  } finally {
    bitmap.close();
  }
}

/** The dall-e-2 size closest to (not above) the source, so nothing is upscaled needlessly. */
export function variationSize(side: number): string {
  if (side >= 1024) return '1024x1024';
  if (side >= 512) return '512x512';
  return '256x256';
}
