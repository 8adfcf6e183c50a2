import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PNGSUITE_DIR, pngSuiteFiles } from '../../fixtures/pngsuite.ts';
import { crc32 } from './crc32.ts';
import { PngCheck, pngDamage } from './png-check.ts';

/**
 * A result's PNG is checked as its bytes arrive (early-images.ts). What the check says must
 * depend on the bytes alone: the same file, cut into any pieces, gets the verdict it gets
 * whole — for every file of PngSuite, and for photo-sized files damaged as transfers and
 * broken encoders damage them.
 */
const suiteFile = (name: string) => new Uint8Array(readFileSync(join(PNGSUITE_DIR, name)));

/** The verdict for `bytes` read in pieces ending at `cuts`, each read seeing all before it. */
async function inPieces(bytes: Uint8Array, cuts: number[]): Promise<string | null> {
  const check = new PngCheck();
  for (const cut of cuts) check.read(bytes, cut);
  check.read(bytes, bytes.length, true);
  return check.verdict();
}

/** Cuts: every byte, a few random ones, and halves. */
function cutsFor(length: number, seed: number): number[][] {
  const random = (n: number) => Math.floor(((Math.sin(seed++) + 1) / 2) * n);
  const some = Array.from({ length: 12 }, () => random(length)).sort((a, b) => a - b);
  const every = length < 4096 ? [Array.from({ length }, (_, i) => i)] : [];
  return [...every, some, [length >> 1], [7, 8, 9, 33, 34]];
}

interface Chunk {
  type: string;
  data: Uint8Array;
}

function chunksOf(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/** A PNG of these chunks, every CRC right: only what the test damaged is wrong. */
function pngOf(chunks: Chunk[]): Uint8Array {
  const parts = [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)];
  for (const { type, data } of chunks) {
    const chunk = new Uint8Array(12 + data.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, data.length);
    chunk.set(new TextEncoder().encode(type), 4);
    chunk.set(data, 8);
    view.setUint32(8 + data.length, crc32(chunk, 4, 8 + data.length));
    parts.push(chunk);
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** The pixel data in one IDAT of a megabyte, as some encoders write it. */
function oneIdat(png: Uint8Array): Uint8Array {
  const chunks = chunksOf(png);
  const data = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  const rest = chunks.filter((c) => c.type !== 'IDAT');
  return pngOf([...rest.slice(0, -1), { type: 'IDAT', data }, rest.at(-1)!]);
}

/** The zlib stream changed at `at` from its end (its Adler-32 is the last four bytes). */
function zlibChanged(png: Uint8Array, fromEnd: number): Uint8Array {
  const chunks = chunksOf(oneIdat(png)).map((c) => ({ ...c, data: new Uint8Array(c.data) }));
  const idat = chunks.find((c) => c.type === 'IDAT')!.data;
  idat[idat.length - fromEnd]! ^= 0x40;
  return pngOf(chunks);
}

const photo = async () =>
  new Uint8Array(
    await sharp(randomBytes(400 * 300 * 3), { raw: { width: 400, height: 300, channels: 3 } })
      .png()
      .toBuffer(),
  );

describe('PngCheck: the same verdict whole and in pieces', () => {
  it('for every file of PngSuite, valid and corrupt', async () => {
    for (const [n, file] of pngSuiteFiles().entries()) {
      const bytes = suiteFile(file);
      const whole = await pngDamage(bytes);
      for (const cuts of cutsFor(bytes.length, n)) {
        expect(await inPieces(bytes, cuts), `${file} cut at ${cuts.slice(0, 5).join(',')}…`).toBe(
          whole,
        );
      }
    }
  });

  it('for photo-sized files whole, cut short, or with damaged pixel data', async () => {
    const good = await photo();
    const big = oneIdat(good);
    const cases: [string, Uint8Array, string | null][] = [
      ['whole, 8 KB IDATs', good, null],
      ['whole, one IDAT', big, null],
      ['cut in the IDAT', big.subarray(0, big.length >> 1), 'it is cut short'],
      ['cut before IEND', big.subarray(0, big.length - 12), 'it is cut short (no IEND)'],
      [
        'a flipped bit in the deflate data',
        zlibChanged(good, 5000),
        'its pixel data is cut short or corrupt',
      ],
      ['a broken Adler-32', zlibChanged(good, 2), 'its pixel data is cut short or corrupt'],
    ];
    for (const [name, bytes, expected] of cases) {
      expect(await pngDamage(bytes), name).toBe(expected);
      for (const cuts of cutsFor(bytes.length, bytes.length)) {
        expect(await inPieces(bytes, cuts), `${name}, cut at ${cuts.slice(0, 4).join(',')}…`).toBe(
          expected,
        );
      }
    }
  });

  it('reads a file growing in a new buffer each time, as a download does', async () => {
    const bytes = oneIdat(await photo());
    const check = new PngCheck();
    for (let end = 1000; end < bytes.length; end += 70_001) {
      const buffer = new Uint8Array(end + 4096).fill(0xff); // past `end`: not written yet
      buffer.set(bytes.subarray(0, end));
      check.read(buffer, end);
    }
    check.read(bytes.slice(), bytes.length, true);
    expect(await check.verdict()).toBeNull();
  });
});
