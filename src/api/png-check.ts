/**
 * A PNG read the way a decoder reads it, without keeping a pixel: the signature, every
 * chunk's length and CRC, IHDR's fields (bit depth and colour type pairs of the spec, §11.2.2),
 * PLTE where the colour type needs one, the IDAT run and IEND; then the pixel data inflated
 * by the platform's zlib (inflate-count.ts), counted against the bytes its size needs.
 * Catches every corrupt file of PngSuite (x*.png) and any file cut short.
 *
 * It reads bytes as they come: a result's check runs while the answer is still arriving
 * (early-images.ts), and a whole file is the same read done at once. The verdict depends on
 * the bytes alone, never on how they were cut: the pixel data goes to the inflate in slices
 * at fixed offsets, whatever pieces it came in.
 */
import { CRC32_START, crc32Finish, crc32Update } from './crc32.ts';
import { inflateCount, type InflateCounter } from './inflate-count.ts';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Channels per colour type, and the bit depths each allows. */
const COLOUR_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

/** IDAT data goes to the inflate in slices of this size, counted from each chunk's start. */
const SLICE = 64 * 1024;

export interface PngHeader {
  width: number;
  height: number;
  bitsPerPixel: number;
  interlaced: boolean;
}

/** The chunk being read: its type known, its data perhaps still coming. */
interface OpenChunk {
  type: string;
  dataStart: number;
  dataEnd: number;
  /** The running CRC of the type and the data up to `read`. */
  crc: number;
  read: number;
  /** Its data goes to the inflate as it comes (an IDAT in its place). */
  inflates: boolean;
}

const u32 = (b: Uint8Array, i: number) =>
  (b[i]! << 24) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]! + (b[i]! >= 128 ? 2 ** 32 : 0);

export class PngCheck {
  /** Where the next chunk starts (0: the signature is not read yet). */
  private at = 0;
  private chunk: OpenChunk | null = null;
  private problem: string | null = null;
  private ended = false;
  private header: PngHeader | null = null;
  private colourType = -1;
  private palette = false;
  private idatChunks = 0;
  private idatEnded = false;
  private inflate: InflateCounter | null = null;

  /**
   * Reads what `bytes[0..end)` holds beyond what was read before (the same file, perhaps in
   * a larger buffer now). `final`: no more bytes will come.
   */
  read(bytes: Uint8Array, end: number, final = false): void {
    if (this.problem || this.ended) return;
    if (this.at === 0) {
      if (end < PNG_SIGNATURE.length && !final) return;
      if (!PNG_SIGNATURE.every((b, i) => i < end && bytes[i] === b))
        return this.fail('its signature is wrong');
      this.at = PNG_SIGNATURE.length;
    }
    while (!this.problem && !this.ended) {
      const chunk = this.chunk ?? this.openChunk(bytes, end, final);
      if (!chunk) return;
      this.readData(chunk, bytes, Math.min(end, chunk.dataEnd));
      if (chunk.dataEnd + 4 > end) {
        if (final) this.fail('it is cut short');
        return;
      }
      this.closeChunk(chunk, bytes);
    }
  }

  /** Why the bytes are not a whole PNG, or null; asked after the final read. */
  async verdict(): Promise<string | null> {
    if (!this.problem && !this.ended) this.fail('it is cut short');
    if (this.problem) return this.problem;
    return (await this.inflate!.enough) ? null : 'its pixel data is cut short or corrupt';
  }

  /** Stops reading: the file will not be needed (its inflate is let go). */
  abandon(): void {
    if (!this.problem && !this.ended) this.fail('it was not read to its end');
  }

  private fail(problem: string): void {
    this.problem = problem;
    this.inflate?.cancel();
  }

  private openChunk(bytes: Uint8Array, end: number, final: boolean): OpenChunk | null {
    const at = this.at;
    if (at + 8 > end) {
      if (final) this.fail(at < end ? 'it is cut short' : this.missingEnd());
      return null;
    }
    const length = u32(bytes, at);
    if (length > 0x7fffffff) {
      this.fail('it is cut short');
      return null;
    }
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const inflates = type === 'IDAT' && this.header !== null && !this.idatEnded;
    if (inflates) this.inflate ??= inflateCount(rawSize(this.header!));
    const dataStart = at + 8;
    this.chunk = {
      type,
      dataStart,
      dataEnd: dataStart + length,
      crc: crc32Update(CRC32_START, bytes, at + 4, dataStart),
      read: dataStart,
      inflates,
    };
    return this.chunk;
  }

  /** Folds the data that has come into the CRC; an IDAT's whole slices go to the inflate. */
  private readData(chunk: OpenChunk, bytes: Uint8Array, upTo: number): void {
    if (!chunk.inflates) {
      chunk.crc = crc32Update(chunk.crc, bytes, chunk.read, upTo);
      chunk.read = upTo;
      return;
    }
    for (;;) {
      const sliceEnd = Math.min(chunk.read + SLICE, chunk.dataEnd);
      if (sliceEnd > upTo || sliceEnd === chunk.read) return;
      chunk.crc = crc32Update(chunk.crc, bytes, chunk.read, sliceEnd);
      this.inflate!.push(bytes.subarray(chunk.read, sliceEnd));
      chunk.read = sliceEnd;
    }
  }

  private closeChunk(chunk: OpenChunk, bytes: Uint8Array): void {
    const { type, dataStart, dataEnd } = chunk;
    this.chunk = null;
    this.at = dataEnd + 4;
    if (crc32Finish(chunk.crc) !== u32(bytes, dataEnd))
      return this.fail(`its ${type} chunk fails its checksum`);
    if (!this.header && type !== 'IHDR')
      return this.fail('it does not start with its header (IHDR)');
    if (type === 'IHDR') {
      this.readHeader(bytes.subarray(dataStart, dataEnd));
    } else if (type === 'PLTE') {
      this.palette = true;
    } else if (type === 'IDAT') {
      if (this.idatEnded) return this.fail('its pixel data (IDAT) is split by other chunks');
      this.idatChunks++;
    } else if (type === 'IEND') {
      if (this.idatChunks === 0) return this.fail('it holds no pixel data (IDAT)');
      if (this.colourType === 3 && !this.palette)
        return this.fail('it has no palette for its colours');
      this.ended = true;
      this.inflate!.end();
      return;
    }
    if (this.idatChunks > 0 && type !== 'IDAT') this.idatEnded = true;
  }

  private readHeader(data: Uint8Array): void {
    if (this.header || data.length !== 13) return this.fail('its header (IHDR) is malformed');
    const width = u32(data, 0);
    const height = u32(data, 4);
    const depth = data[8]!;
    this.colourType = data[9]!;
    const rule = COLOUR_TYPES[this.colourType];
    if (!rule) return this.fail(`its colour type ${this.colourType} does not exist`);
    if (!rule.depths.includes(depth))
      return this.fail(`bit depth ${depth} is not allowed for colour type ${this.colourType}`);
    if (data[10] !== 0 || data[11] !== 0 || data[12]! > 1)
      return this.fail(
        'its header names a compression, filter or interlace method that does not exist',
      );
    if (width === 0 || height === 0) return this.fail('its size is zero');
    this.header = {
      width,
      height,
      bitsPerPixel: rule.channels * depth,
      interlaced: data[12] === 1,
    };
  }

  private missingEnd(): string {
    return this.idatChunks === 0 ? 'it holds no pixel data (IDAT)' : 'it is cut short (no IEND)';
  }
}

/** Why `bytes` are not a whole PNG, or null: the check of a file that is all there. */
export function pngDamage(bytes: Uint8Array): Promise<string | null> {
  const check = new PngCheck();
  check.read(bytes, bytes.length, true);
  return check.verdict();
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
export function rawSize({ width, height, bitsPerPixel, interlaced }: PngHeader): number {
  const rows = (w: number, h: number) =>
    w > 0 && h > 0 ? h * (1 + Math.ceil((w * bitsPerPixel) / 8)) : 0;
  if (!interlaced) return rows(width, height);
  return ADAM7.reduce(
    (n, [x0, y0, dx, dy]) => n + rows(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)),
    0,
  );
}
