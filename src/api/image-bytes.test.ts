import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, readImageSize, sniffMime } from './image-bytes.ts';

import { PNGSUITE_DIR as SUITE } from '../../fixtures/pngsuite.ts';

describe('readImageSize and sniffMime', () => {
  it('read every valid PngSuite file as PNG with the size sharp reports', async () => {
    const files = readdirSync(SUITE).filter((f) => f.endsWith('.png') && !f.startsWith('x'));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(join(SUITE, file)));
      const meta = await sharp(bytes).metadata();
      expect(sniffMime(bytes), file).toBe('image/png');
      expect(readImageSize(bytes), file).toEqual({ width: meta.width, height: meta.height });
    }
  });

  it('do not claim a size for corrupt PngSuite files with a broken signature', () => {
    for (const file of ['xs1n0g01.png', 'xs2n0g01.png', 'xs4n0g01.png', 'xs7n0g01.png']) {
      const bytes = new Uint8Array(readFileSync(join(SUITE, file)));
      expect(sniffMime(bytes), file).toBeNull();
      expect(readImageSize(bytes), file).toBeNull();
    }
  });

  it.each([
    ['jpeg', 'image/jpeg', 1536, 1024],
    ['webp', 'image/webp', 640, 1136],
    ['png', 'image/png', 3840, 2160],
  ] as const)('%s encoded by sharp: %s at %ix%i', async (format, mime, width, height) => {
    const image = sharp({ create: { width, height, channels: 3, background: '#3b5bdb' } });
    const bytes = new Uint8Array(await image.toFormat(format).toBuffer());
    expect(sniffMime(bytes)).toBe(mime);
    expect(readImageSize(bytes)).toEqual({ width, height });
  });

  it('reads lossless and extended WebP headers too', async () => {
    const lossless = new Uint8Array(
      await sharp({ create: { width: 300, height: 200, channels: 4, background: '#0000' } })
        .webp({ lossless: true })
        .toBuffer(),
    );
    expect(readImageSize(lossless)).toEqual({ width: 300, height: 200 });
    const alpha = new Uint8Array(
      await sharp({ create: { width: 1024, height: 1536, channels: 4, background: '#ff000080' } })
        .webp()
        .toBuffer(),
    );
    expect(readImageSize(alpha)).toEqual({ width: 1024, height: 1536 });
  });

  it('base64ToBytes round-trips binary data and tolerates line breaks', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 128]);
    const b64 = Buffer.from(bytes).toString('base64');
    expect(base64ToBytes(b64)).toEqual(bytes);
    expect(base64ToBytes(`${b64.slice(0, 4)}\n${b64.slice(4)}`)).toEqual(bytes);
    expect(() => base64ToBytes('not base64!')).toThrow();
  });
});
