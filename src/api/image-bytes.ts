/**
 * Just enough of PNG, JPEG and WebP to label and measure the bytes a provider returns,
 * without decoding pixels: the MIME type from the magic bytes (providers and url hosts
 * often send application/octet-stream) and the pixel size from the header.
 */
import { sniffImageKind, type ImageKind } from '../lib/image-kind.ts';
import type { Dimensions } from './model-types.ts';

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

export const EXTENSION: Record<ImageMime, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/** The types the gallery stores (a GIF is never saved). */
export type StoredImageType = Exclude<ImageMime, 'image/gif'>;

export const MIME_FOR_FORMAT: Record<string, StoredImageType> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

// The platform's own decoder (Chromium 140+, Firefox 133+, Safari 18.2+): a 1024² PNG's 2-3 MB
// of base64 in one native pass, where the fallback copies the string twice and loops in JS.
const fromBase64 = (
  Uint8Array as unknown as { fromBase64?: (b64: string) => Uint8Array<ArrayBuffer> }
).fromBase64;

/** Decodes standard base64 (whitespace tolerated); throws on anything else. */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  if (fromBase64) return fromBase64(b64);
  const binary = atob(b64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const MIME_OF_KIND: Partial<Record<ImageKind, ImageMime>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** The MIME type of image bytes a provider may return, by their signature. */
export function sniffMime(bytes: Uint8Array): ImageMime | null {
  return MIME_OF_KIND[sniffImageKind(bytes)] ?? null;
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 65536 + u16be(b, i + 2);

/** The pixel size written in the header, or null when the header is not one we know. */
export function readImageSize(bytes: Uint8Array): Dimensions | null {
  const mime = sniffMime(bytes);
  if (mime === 'image/png') {
    // IHDR is always the first chunk: width and height at offsets 16 and 20.
    if (bytes.length < 24) return null;
    return positive(u32be(bytes, 16), u32be(bytes, 20));
  }
  if (mime === 'image/gif') return positive(u16le(bytes, 6), u16le(bytes, 8));
  if (mime === 'image/jpeg') return jpegSize(bytes);
  if (mime === 'image/webp') return webpSize(bytes);
  return null;
}

function positive(width: number, height: number): Dimensions | null {
  return width > 0 && height > 0 ? { width, height } : null;
}

function jpegSize(b: Uint8Array): Dimensions | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return positive(u16be(b, i + 7), u16be(b, i + 5));
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2; // markers without a length
      continue;
    }
    i += 2 + u16be(b, i + 2);
  }
  return null;
}

function webpSize(b: Uint8Array): Dimensions | null {
  const chunk = String.fromCharCode(b[12] ?? 0, b[13] ?? 0, b[14] ?? 0, b[15] ?? 0);
  if (chunk === 'VP8X') return positive(u24le(b, 24) + 1, u24le(b, 27) + 1);
  if (chunk === 'VP8L') {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return positive((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8 ') return positive(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  return null;
}
