import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkImageBytes } from './image-check.ts';
import { jpegDamage } from './jpeg-check.ts';

/** A noisy picture (entropy data full of stuffed FF 00 pairs, as a photo's is). */
function noise(width: number, height: number, channels: 1 | 3 = 3) {
  const raw = Buffer.alloc(width * height * channels);
  let seed = 7;
  for (let i = 0; i < raw.length; i++) raw[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  return sharp(raw, { raw: { width, height, channels } });
}

/** JPEGs as encoders really make them. */
async function soundJpegs(): Promise<[string, Uint8Array][]> {
  const skia = createCanvas(96, 64);
  const ctx = skia.getContext('2d');
  ctx.fillStyle = 'teal';
  ctx.fillRect(0, 0, 96, 64);
  ctx.fillStyle = 'orange';
  ctx.fillRect(20, 10, 40, 30);
  const made: [string, Promise<Buffer>][] = [
    ['baseline 4:2:0', noise(200, 120).jpeg({ quality: 90 }).toBuffer()],
    ['progressive', noise(200, 120).jpeg({ progressive: true }).toBuffer()],
    ['4:4:4', noise(64, 64).jpeg({ chromaSubsampling: '4:4:4' }).toBuffer()],
    ['grayscale', noise(64, 48, 1).jpeg().toBuffer()],
    ['mozjpeg (optimised scans)', noise(128, 96).jpeg({ mozjpeg: true }).toBuffer()],
    ['with EXIF', noise(64, 48).jpeg().withMetadata({ orientation: 6 }).toBuffer()],
    ['Skia (canvas)', skia.encode('jpeg', 85)],
  ];
  return Promise.all(made.map(async ([name, bytes]) => [name, new Uint8Array(await bytes)]));
}

const markerAt = (jpeg: Uint8Array, marker: number) =>
  jpeg.findIndex((b, i) => i > 1 && b === 0xff && jpeg[i + 1] === marker);

/** The JPEG with FF `marker` written in the middle of its (first) scan's data. */
function strayMarker(jpeg: Uint8Array, marker: number): Uint8Array {
  const damaged = jpeg.slice();
  const sos = markerAt(damaged, 0xda);
  const data = sos + 2 + ((damaged[sos + 2]! << 8) | damaged[sos + 3]!);
  const middle = data + Math.floor((markerAt(damaged.subarray(data), 0xd9) || 100) / 2);
  damaged[middle] = 0xff;
  damaged[middle + 1] = marker;
  return damaged;
}

describe('jpegDamage', () => {
  it('finds nothing wrong in JPEGs as encoders make them', async () => {
    for (const [name, jpeg] of await soundJpegs()) {
      expect([name, jpegDamage(jpeg)]).toEqual([name, null]);
      expect(await checkImageBytes(jpeg, 'image/jpeg')).toMatchObject({ ok: true });
    }
  });

  it('refuses a stray marker in the picture data, though the file ends properly', async () => {
    const jpeg = new Uint8Array(await noise(200, 120).jpeg({ quality: 90 }).toBuffer());
    for (const marker of [0x08, 0xc0, 0xc8, 0x50]) {
      const damaged = strayMarker(jpeg, marker);
      expect(damaged.at(-2)).toBe(0xff);
      expect(damaged.at(-1)).toBe(0xd9);
      // A real decoder gives up on it too (libjpeg through sharp).
      await expect(sharp(damaged).raw().toBuffer()).rejects.toThrow();
      const hex = marker.toString(16).toUpperCase().padStart(2, '0');
      expect(await checkImageBytes(damaged, null)).toEqual({
        ok: false,
        problem: `a damaged JPEG: its picture data is damaged (marker FF ${hex} in the middle of it)`,
      });
    }
  });

  it('lets restart markers and fill bytes through, as decoders do', async () => {
    const jpeg = new Uint8Array(await noise(200, 120).jpeg().toBuffer());
    const eoi = jpeg.length - 2;
    // FF fill bytes before the end-of-image marker.
    const filled = new Uint8Array([...jpeg.subarray(0, eoi), 0xff, 0xff, 0xff, 0xd9]);
    expect(jpegDamage(filled)).toBeNull();
    // Stray bytes between two segments (after SOI, before the first).
    const stray = new Uint8Array([0xff, 0xd8, 0x00, 0x12, ...jpeg.subarray(2)]);
    expect(jpegDamage(stray)).toBeNull();
  });

  it('refuses a JPEG without a scan, cut short, or with an impossible segment length', async () => {
    const jpeg = new Uint8Array(await noise(64, 48).jpeg().toBuffer());
    const sos = markerAt(jpeg, 0xda);
    expect(jpegDamage(new Uint8Array([...jpeg.subarray(0, sos), 0xff, 0xd9]))).toBe(
      'it holds no picture data (no scan)',
    );
    for (const end of [4, sos + 3, sos + 40, jpeg.length - 2]) {
      expect(jpegDamage(jpeg.subarray(0, end))).toBe('it is cut short (no end-of-image marker)');
    }
    const zeroLength = jpeg.slice();
    zeroLength[markerAt(jpeg, 0xdb) + 2] = 0;
    zeroLength[markerAt(jpeg, 0xdb) + 3] = 1;
    expect(jpegDamage(zeroLength)).toBe('its FF DB segment has an impossible length');
  });
});
