import { deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InflateCount, SmallInflateCount } from './inflate-count.ts';
import { pngDamage } from './png-check.ts';
import { readFileSync } from 'node:fs';
import { PNGSUITE_DIR } from '../../fixtures/pngsuite.ts';

/**
 * The platform's DecompressionStream, watched: `finished` counts streams whose output reached
 * its end normally (the decompressor flushed and let go of its zlib state; one stopped part-way
 * keeps it until a garbage collection), `produced` the bytes inflated.
 */
function watchDecompression() {
  const Real = globalThis.DecompressionStream;
  const seen = { finished: 0, produced: 0 };
  class Watched {
    readonly writable: WritableStream<BufferSource>;
    readonly readable: ReadableStream<Uint8Array>;
    constructor(format: CompressionFormat) {
      const real = new Real(format);
      this.writable = real.writable;
      this.readable = real.readable.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>(
          {
            transform: (chunk, controller) => {
              seen.produced += chunk.length;
              controller.enqueue(chunk);
            },
            flush: () => void seen.finished++,
          },
          undefined,
          { highWaterMark: 0 },
        ),
      );
    }
  }
  vi.stubGlobal('DecompressionStream', Watched);
  return seen;
}

afterEach(() => vi.unstubAllGlobals());

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('InflateCount', () => {
  const raw = new Uint8Array(64 * 1024).map((_, i) => (i * 7) % 251);
  const zlib = new Uint8Array(deflateSync(raw));

  it('answers enough for a whole stream, and lets the decompressor finish', async () => {
    const seen = watchDecompression();
    const count = new InflateCount(raw.length);
    for (let at = 0; at < zlib.length; at += 1000) count.push(zlib.subarray(at, at + 1000));
    count.end();
    expect(await count.enough).toBe(true);
    // The decompressor finishes in tasks of its own: later on a loaded machine.
    await vi.waitFor(() => expect(seen).toEqual({ finished: 1, produced: raw.length }));
  });

  it('answers enough as soon as the pieces so far give it, before the end comes', async () => {
    watchDecompression();
    const count = new InflateCount(raw.length);
    count.push(zlib);
    expect(await count.enough).toBe(true); // no end() yet: the verdict does not wait for it
    count.end();
  });

  it('answers not enough for a stream cut short or not zlib', async () => {
    const short = new InflateCount(raw.length);
    short.push(zlib.subarray(0, zlib.length >> 1));
    short.end();
    expect(await short.enough).toBe(false);
    const garbage = new InflateCount(10);
    garbage.push(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    garbage.end();
    expect(await garbage.enough).toBe(false);
  });

  it('stops inflating a stream far longer than needed', async () => {
    const seen = watchDecompression();
    const huge = new Uint8Array(deflateSync(new Uint8Array(8 * 1024 * 1024)));
    const count = new InflateCount(100);
    count.push(huge);
    count.end();
    expect(await count.enough).toBe(true);
    await settle();
    expect(seen.finished).toBe(0);
    expect(seen.produced).toBeGreaterThan(100);
    expect(seen.produced).toBeLessThan(2 * 1024 * 1024); // 100 bytes asked, 8 MB on offer
  });
});

describe('a small picture’s count', () => {
  const raw = new Uint8Array(3000).map((_, i) => (i * 7) % 251);
  const zlib = new Uint8Array(deflateSync(raw));

  it('opens no stream: its objects would wait for a major garbage collection', async () => {
    let streams = 0;
    const Real = globalThis.DecompressionStream;
    vi.stubGlobal(
      'DecompressionStream',
      class extends Real {
        constructor(format: CompressionFormat) {
          super(format);
          streams++;
        }
      },
    );
    // An 8×8 PNG, as an import of 50,000 small entries checks each of its images.
    expect(await pngDamage(new Uint8Array(readFileSync(`${PNGSUITE_DIR}basn6a08.png`)))).toBe(null);
    expect(await pngDamage(new Uint8Array(readFileSync(`${PNGSUITE_DIR}xcsn0g01.png`)))).toMatch(
      /checksum/,
    );
    expect(streams).toBe(0);
  });

  it('gives the verdicts the stream gives, in any pieces', async () => {
    for (const size of [1, 7, 1500]) {
      const count = new SmallInflateCount(raw.length);
      for (let at = 0; at < zlib.length; at += size) count.push(zlib.subarray(at, at + size));
      count.end();
      expect(await count.enough).toBe(true);
    }
    const short = new SmallInflateCount(raw.length);
    short.push(zlib.subarray(0, zlib.length >> 1));
    short.end();
    expect(await short.enough).toBe(false);
    const garbage = new SmallInflateCount(10);
    garbage.push(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    garbage.end();
    expect(await garbage.enough).toBe(false);
    const more = new SmallInflateCount(raw.length + 1); // a byte more than the stream holds
    more.push(zlib);
    more.end();
    expect(await more.enough).toBe(false);
    const cancelled = new SmallInflateCount(raw.length);
    cancelled.push(zlib.subarray(0, 10));
    cancelled.cancel();
    expect(await cancelled.enough).toBe(false);
  });

  it('stops inflating a stream far longer than needed', async () => {
    const huge = new Uint8Array(deflateSync(new Uint8Array(64 * 1024 * 1024)));
    const count = new SmallInflateCount(100);
    count.push(huge);
    expect(await count.enough).toBe(true);
    count.end();
  });
});
