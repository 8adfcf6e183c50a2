/**
 * A PNG read the way a decoder reads it, without keeping a pixel: the signature, every
 * chunk's length and CRC, IHDR's fields (bit depth and colour type pairs of the spec, §11.2.2),
 * PLTE where the colour type needs one, the IDAT run and IEND; then the pixel data inflated
 * by the platform's zlib (DecompressionStream), counted against the bytes its size needs.
 * Catches every corrupt file of PngSuite (x*.png) and any file cut short.
 */
import { crc32 } from './crc32.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Channels per colour type, and the bit depths each allows. */
const COLOUR_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

export interface PngLayout {
  ok: true;
  width: number;
  height: number;
  bitsPerPixel: number;
  interlaced: boolean;
  /** The IDAT chunks' data: together, one zlib stream. */
  idat: Uint8Array[];
}

export type PngStructure = PngLayout | { ok: false; problem: string };

const u32 = (b: Uint8Array, i: number) =>
  (b[i]! << 24) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]! + (b[i]! >= 128 ? 2 ** 32 : 0);

const fail = (problem: string) => ({ ok: false as const, problem });

export function checkPngStructure(bytes: Uint8Array): PngStructure {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) return fail('its signature is wrong');
  let at = 8;
  let header: Omit<PngLayout, 'idat' | 'ok'> | null = null;
  let colourType = -1;
  let palette = false;
  const idat: Uint8Array[] = [];
  let idatEnded = false;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) return fail('it is cut short');
    const length = u32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const dataEnd = at + 8 + length;
    if (length > 0x7fffffff || dataEnd + 4 > bytes.length) return fail('it is cut short');
    if (crc32(bytes, at + 4, dataEnd) !== u32(bytes, dataEnd))
      return fail(`its ${type} chunk fails its checksum`);
    const data = bytes.subarray(at + 8, dataEnd);
    if (!header && type !== 'IHDR') return fail('it does not start with its header (IHDR)');
    if (type === 'IHDR') {
      if (header || length !== 13) return fail('its header (IHDR) is malformed');
      const width = u32(data, 0);
      const height = u32(data, 4);
      const depth = data[8]!;
      colourType = data[9]!;
      const rule = COLOUR_TYPES[colourType];
      if (!rule) return fail(`its colour type ${colourType} does not exist`);
      if (!rule.depths.includes(depth))
        return fail(`bit depth ${depth} is not allowed for colour type ${colourType}`);
      if (data[10] !== 0 || data[11] !== 0 || data[12]! > 1)
        return fail(
          'its header names a compression, filter or interlace method that does not exist',
        );
      if (width === 0 || height === 0) return fail('its size is zero');
      header = { width, height, bitsPerPixel: rule.channels * depth, interlaced: data[12] === 1 };
    } else if (type === 'PLTE') {
      palette = true;
    } else if (type === 'IDAT') {
      if (idatEnded) return fail('its pixel data (IDAT) is split by other chunks');
      idat.push(data);
    } else if (type === 'IEND') {
      if (idat.length === 0) return fail('it holds no pixel data (IDAT)');
      if (colourType === 3 && !palette) return fail('it has no palette for its colours');
      return { ok: true, ...header!, idat };
    }
    if (idat.length > 0 && type !== 'IDAT') idatEnded = true;
    at = dataEnd + 4;
  }
  return fail(idat.length === 0 ? 'it holds no pixel data (IDAT)' : 'it is cut short (no IEND)');
}

/** Adam7's seven passes: x start, y start, x step, y step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Bytes of filtered scanlines the image's pixel data inflates to (one filter byte a row). */
export function rawSize({ width, height, bitsPerPixel, interlaced }: PngLayout): number {
  const rows = (w: number, h: number) =>
    w > 0 && h > 0 ? h * (1 + Math.ceil((w * bitsPerPixel) / 8)) : 0;
  if (!interlaced) return rows(width, height);
  return ADAM7.reduce(
    (n, [x0, y0, dx, dy]) => n + rows(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)),
    0,
  );
}

/**
 * Whether the pixel data is a zlib stream that yields at least the scanlines the size needs
 * (what decoders require: less shows a picture cut off, or nothing). Stops reading once it
 * has them.
 */
export async function inflatesToSize(png: PngLayout): Promise<boolean> {
  const needed = rawSize(png);
  let next = 0;
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      const chunk = png.idat[next++];
      // A view into the answer's bytes: the stream reads it, never transfers it.
      if (chunk) controller.enqueue(chunk as Uint8Array<ArrayBuffer>);
      else controller.close();
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate')).getReader();
  let produced = 0;
  try {
    while (produced < needed) {
      const { value, done } = await reader.read();
      if (done) break;
      produced += value.length;
    }
  } catch {
    return false; // not zlib, a bad checksum, or the stream ends before it should
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return produced >= needed;
}
