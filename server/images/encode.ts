/**
 * Encodes RGBA pixels in the requested output format. PNG is lossless, so the pixels an edit
 * keeps come back byte-identical; a fully opaque PNG drops its alpha channel (smaller, same
 * pixels). JPEG has no alpha and is flattened onto white.
 */
import sharp from 'sharp';
import type { OutputFormat } from '../../src/api/model-types.ts';

export interface EncodeOptions {
  format: OutputFormat;
  /** 0-100 for jpeg/webp (the spec's output_compression; default 100). */
  quality?: number;
  /** Whether every pixel is opaque, when the caller has already looked (else it is read here). */
  opaque?: boolean;
}

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

export function isOpaque(rgba: Uint8Array | Uint8ClampedArray): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
}

function asBuffer(pixels: Uint8Array | Uint8ClampedArray): Buffer {
  return Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
}

export async function encodeImage(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  options: EncodeOptions,
): Promise<Buffer> {
  const opaque = options.opaque ?? isOpaque(pixels);
  let image = sharp(asBuffer(pixels), { raw: { width, height, channels: 4 } });
  const quality = Math.max(1, Math.min(100, options.quality ?? 100));
  switch (options.format) {
    case 'png':
      if (opaque) image = image.removeAlpha();
      return image.png({ compressionLevel: 6 }).toBuffer();
    case 'jpeg':
      return image.flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: false }).toBuffer();
    case 'webp':
      if (opaque) image = image.removeAlpha();
      return image.webp({ quality, effort: 2 }).toBuffer();
  }
}

/** A coarse preview of the final picture for a streamed partial image (blocky → fine). */
export async function previewPixels(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  step: number,
  steps: number,
): Promise<Buffer> {
  const scale = 2 ** (steps - step + 2);
  const w = Math.max(1, Math.round(width / scale));
  const h = Math.max(1, Math.round(height / scale));
  const small = await sharp(asBuffer(pixels), { raw: { width, height, channels: 4 } })
    .resize(w, h, { fit: 'fill' })
    .raw()
    .toBuffer();
  return sharp(small, { raw: { width: w, height: h, channels: 4 } })
    .resize(width, height, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer();
}
