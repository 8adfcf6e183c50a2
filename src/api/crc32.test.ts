import { randomBytes } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, CRC32_START, crc32Finish, crc32Update } from './crc32.ts';

describe('crc32', () => {
  it('gives the standard check value for "123456789"', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('is 0 for no bytes', () => {
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("matches zlib's for every length and start around the eight-byte steps", () => {
    const bytes = new Uint8Array(randomBytes(100));
    for (let from = 0; from < 9; from++) {
      for (let to = from; to <= 40; to++) {
        expect(crc32(bytes, from, to), `bytes ${from}..${to}`).toBe(
          zlibCrc32(bytes.subarray(from, to)),
        );
      }
    }
  });

  it("matches zlib's over a result-sized buffer", () => {
    const bytes = new Uint8Array(randomBytes(3 * 1024 * 1024 + 5));
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32(bytes, 13, bytes.length - 3)).toBe(zlibCrc32(bytes.subarray(13, -3)));
  });

  it('gives the same CRC when the bytes are folded in piece by piece, cut anywhere', () => {
    const bytes = new Uint8Array(randomBytes(64 * 1024 + 3));
    for (const cuts of [[1], [7, 8, 9], [13, 4096, 4097, 60_000], [65_000]]) {
      let c = CRC32_START;
      let from = 0;
      for (const to of [...cuts, bytes.length]) {
        c = crc32Update(c, bytes, from, to);
        from = to;
      }
      expect(crc32Finish(c), `cut at ${cuts.join(', ')}`).toBe(zlibCrc32(bytes));
    }
  });
});
