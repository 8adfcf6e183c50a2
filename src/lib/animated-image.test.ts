import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isAnimated } from './animated-image.ts';

const frame = (background: string) =>
  sharp({ create: { width: 16, height: 12, channels: 4, background } })
    .png()
    .toBuffer();
const frames = async () => [await frame('#c33'), await frame('#33c')];
const bytes = (buffer: Buffer) => new Uint8Array(buffer);

describe('isAnimated', () => {
  it('a two-frame GIF (with and without a loop block) and an animated WebP are animated', async () => {
    const join = async () => sharp(await frames(), { join: { animated: true } });
    expect(isAnimated(bytes(await (await join()).gif({ loop: 0 }).toBuffer()))).toBe(true);
    expect(isAnimated(bytes(await (await join()).webp().toBuffer()))).toBe(true);
    // loop: 1 plays once: libvips then writes no NETSCAPE2.0 block; the second frame counts.
    const once = await (await join()).gif({ loop: 1 }).toBuffer();
    expect(Buffer.from(once).includes('NETSCAPE2.0')).toBe(false);
    expect(isAnimated(bytes(once))).toBe(true);
  });

  it('still images are not', async () => {
    const [still] = await frames();
    expect(isAnimated(bytes(still!))).toBe(false);
    expect(isAnimated(bytes(await sharp(still!).gif().toBuffer()))).toBe(false);
    expect(isAnimated(bytes(await sharp(still!).webp().toBuffer()))).toBe(false);
    expect(isAnimated(bytes(await sharp(still!).webp({ lossless: true }).toBuffer()))).toBe(false);
    expect(isAnimated(bytes(await sharp(still!).jpeg().toBuffer()))).toBe(false);
  });

  it('an APNG is animated when its acTL announces more than one frame', async () => {
    const [still] = await frames();
    const png = Buffer.from(still!);
    const actl = (count: number) => {
      const data = Buffer.alloc(8);
      data.writeUInt32BE(count, 0);
      const head = Buffer.from('\0\0\0\x08acTL', 'latin1');
      return Buffer.concat([head, data, Buffer.alloc(4)]); // the CRC is not checked here
    };
    // acTL goes after IHDR (8-byte signature + 25-byte IHDR chunk).
    const withActl = (count: number) =>
      Buffer.concat([png.subarray(0, 33), actl(count), png.subarray(33)]);
    expect(isAnimated(bytes(withActl(2)))).toBe(true);
    expect(isAnimated(bytes(withActl(1)))).toBe(false);
  });

  it('truncated and damaged headers answer false, never throw', () => {
    for (const head of [
      'GIF89a',
      'RIFF\0\0\0\0WEBPVP8X',
      '\x89PNG\r\n\x1a\n\0\0',
      'GIF89a' + '\xff'.repeat(40),
    ]) {
      expect(isAnimated(new Uint8Array([...head].map((c) => c.charCodeAt(0))))).toBe(false);
    }
  });
});
