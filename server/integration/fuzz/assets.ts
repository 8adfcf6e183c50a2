/**
 * Building blocks for the fuzz test (fuzz.test.ts): a seeded PRNG, a multipart writer that
 * can also write it wrong, and the images the cases send — valid ones to corrupt, the
 * PngSuite's corrupt files, masks of every wrong kind, and decompression bombs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { PNGSUITE_DIR } from '../../../fixtures/pngsuite.ts';
import { maskPng, patternPng } from '../helpers.ts';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const bytes = (length: number) => {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
    return out;
  };
  const text = (length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789 _-') => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  return { next, int, pick, bytes, text, chance: (p: number) => next() < p };
}
export type Rng = ReturnType<typeof seededRandom>;

export interface FilePart {
  filename: string;
  type: string | null;
  bytes: Buffer;
}
export type Part =
  { name: string; value: string | FilePart; headers?: string[] } | { raw: Buffer | string };

/** A multipart/form-data body; `close: false` leaves off the closing boundary. */
export function multipart(boundary: string, parts: Part[], close = true): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('raw' in part) {
      chunks.push(Buffer.from(part.raw), Buffer.from('\r\n'));
      continue;
    }
    const file = typeof part.value === 'string' ? null : part.value;
    const lines = [
      `Content-Disposition: form-data; name="${part.name}"${file ? `; filename="${file.filename}"` : ''}`,
      ...(file?.type ? [`Content-Type: ${file.type}`] : []),
      ...(part.headers ?? []),
    ];
    chunks.push(Buffer.from(`${lines.join('\r\n')}\r\n\r\n`));
    chunks.push(file ? file.bytes : Buffer.from(part.value as string));
    chunks.push(Buffer.from('\r\n'));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export const png = (bytes: Buffer, filename = 'image.png'): FilePart => ({
  filename,
  type: 'image/png',
  bytes,
});

/** A PNG whose header claims `width x height` (a decompression bomb's calling card). */
function withClaimedSize(source: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(source);
  // Signature (8) + IHDR length (4) + type (4), then width and height.
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

export interface FuzzAssets {
  /** 64x64 RGBA with a transparent square: a valid edit image for every model. */
  rgba: Buffer;
  /** 64x64 RGB (no alpha). */
  rgb: Buffer;
  /** 64x48 RGBA (not square). */
  wide: Buffer;
  jpeg: Buffer;
  webp: Buffer;
  gif: Buffer;
  svg: Buffer;
  mask: Buffer;
  /** Masks that are wrong: another size, no alpha channel, nothing transparent, a JPEG. */
  maskWrongSize: Buffer;
  maskNoAlpha: Buffer;
  maskOpaque: Buffer;
  maskJpeg: Buffer;
  /** PngSuite's corrupt files (x*.png) and valid ones to corrupt further. */
  corrupt: { name: string; bytes: Buffer }[];
  valid: { name: string; bytes: Buffer }[];
  /** Headers claiming 20000x20000 and 65535x65535; a real 7000x6000 (42 MP) image. */
  claimedHuge: Buffer[];
  realHuge: Buffer;
}

export async function loadAssets(): Promise<FuzzAssets> {
  const suite = readdirSync(PNGSUITE_DIR)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(PNGSUITE_DIR, name)) }));
  const rgba = await patternPng(64, 64, { transparentRect: [8, 8, 24, 24] });
  const opaqueRgba = Buffer.alloc(64 * 64 * 4, 255);
  const tiny = await sharp({
    create: { width: 1, height: 1, channels: 4, background: '#fff' },
  })
    .png()
    .toBuffer();
  return {
    rgba,
    rgb: await patternPng(64, 64),
    wide: await patternPng(64, 48, { alpha: true }),
    jpeg: await sharp(rgba).jpeg().toBuffer(),
    webp: await sharp(rgba).webp().toBuffer(),
    gif: await sharp(rgba).gif().toBuffer(),
    svg: Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="red"/></svg>',
    ),
    mask: await maskPng(64, 64, [0, 0, 16, 16]),
    maskWrongSize: await maskPng(37, 23, [0, 0, 8, 8]),
    maskNoAlpha: await patternPng(64, 64),
    maskOpaque: await sharp(opaqueRgba, { raw: { width: 64, height: 64, channels: 4 } })
      .png()
      .toBuffer(),
    maskJpeg: await sharp(await maskPng(64, 64, [0, 0, 16, 16]))
      .jpeg()
      .toBuffer(),
    corrupt: suite.filter((f) => f.name.startsWith('x')),
    valid: suite.filter((f) => !f.name.startsWith('x')),
    claimedHuge: [withClaimedSize(tiny, 20000, 20000), withClaimedSize(tiny, 65535, 65535)],
    realHuge: await sharp({
      create: { width: 7000, height: 6000, channels: 3, background: '#204060' },
    })
      .png({ compressionLevel: 1 })
      .toBuffer(),
  };
}

/** Flips 1-8 random bytes (past the signature, most of the time). */
export function flipBytes(rng: Rng, source: Buffer): Buffer {
  const out = Buffer.from(source);
  const flips = rng.int(1, 8);
  for (let k = 0; k < flips; k++) {
    const at = rng.chance(0.1) ? rng.int(0, 7) : rng.int(8, out.length - 1);
    out[at] = out[at]! ^ rng.int(1, 255);
  }
  return out;
}
