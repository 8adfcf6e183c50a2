/**
 * "Load mask…": a PNG made elsewhere (Photoshop, a segmentation tool, an earlier export)
 * becomes the painted mask. Two conventions exist and both are read:
 * - by alpha: the API's own (transparent = change), what Easel's Mask preview exports;
 * - by luminance: the inpainting tools' (white = change, black = keep), for opaque masks.
 * "auto" reads by alpha when the file has any transparency, else by luminance.
 *
 * The file must have the image's proportions; a mask made at another resolution of the
 * same picture (the original before Easel fitted it) is scaled to the image.
 */
import { unreadableImage } from '../../../../lib/image-intake-check.ts';
import { maskFileProblem } from './mask-file-check.ts';
import { maskSizeProblem } from './mask-size.ts';

export type MaskReading = 'auto' | 'alpha' | 'luminance';

export interface LoadedMask {
  /** One byte per image pixel, 255 = painted (to change). */
  coverage: Uint8Array;
  readBy: 'alpha' | 'luminance';
  /** Pixels painted at least half (what the export would send as transparent). */
  paintedPixels: number;
}

/** RGBA pixels of a mask file (already at the image's size) → painted coverage. */
export function coverageFromMaskPixels(rgba: ArrayLike<number>, reading: MaskReading): LoadedMask {
  const count = rgba.length / 4;
  let readBy: 'alpha' | 'luminance' = reading === 'auto' ? 'luminance' : reading;
  if (reading === 'auto') {
    for (let p = 0; p < count; p++) {
      if (rgba[p * 4 + 3]! < 255) {
        readBy = 'alpha';
        break;
      }
    }
  }
  const coverage = new Uint8Array(count);
  let paintedPixels = 0;
  for (let p = 0; p < count; p++) {
    const i = p * 4;
    const value =
      readBy === 'alpha'
        ? 255 - rgba[i + 3]!
        : // Rec. 709 luma, so a mid-grey reads as half; colour masks count by their brightness.
          Math.round(0.2126 * rgba[i]! + 0.7152 * rgba[i + 1]! + 0.0722 * rgba[i + 2]!);
    coverage[p] = value;
    if (value >= 128) paintedPixels++;
  }
  return { coverage, readBy, paintedPixels };
}

/**
 * Checks `file` (mask-file-check.ts), then decodes it and reads it as a mask for an image of
 * `width`×`height`. Throws, with what to do, when it cannot be the mask.
 */
export async function readMaskFile(
  file: Blob & { name?: string },
  width: number,
  height: number,
  reading: MaskReading,
): Promise<LoadedMask> {
  const refused = await maskFileProblem(file, { width, height });
  if (refused) throw new Error(refused);
  let bitmap: ImageBitmap;
  try {
    // premultiply 'none' keeps colours under transparency; luminance reads them as drawn.
    bitmap = await createImageBitmap(file, { premultiplyAlpha: 'none' });
  } catch {
    throw new Error(unreadableImage(file.name ?? '').message);
  }
  try {
    // Asked again of the decoded picture: not every format's header has a size Easel reads.
    const problem = maskSizeProblem(bitmap, { width, height });
    if (problem) throw new Error(problem);
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('No canvas is available to read the mask.');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    return coverageFromMaskPixels(ctx.getImageData(0, 0, width, height).data, reading);
  } finally {
    bitmap.close();
  }
}
