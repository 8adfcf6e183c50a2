import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkImageBytes } from './image-check.ts';
import { crc32 } from './crc32.ts';
import {
  isCorruptPngSuiteFile,
  PNGSUITE_DIR as SUITE,
  pngSuiteFiles,
} from '../../fixtures/pngsuite.ts';

const suiteFile = (name: string) => new Uint8Array(readFileSync(join(SUITE, name)));
const text = (s: string) => new TextEncoder().encode(s);

const picture = (format: 'png' | 'jpeg' | 'webp', width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 90, b: 30 } } })
    .toFormat(format)
    .toBuffer()
    .then((b) => new Uint8Array(b));

/** A real PNG whose IHDR claims another size, CRC fixed up so only the size is wrong. */
async function pngClaiming(width: number, height: number): Promise<Uint8Array> {
  const png = await picture('png');
  const view = new DataView(png.buffer, png.byteOffset);
  view.setUint32(16, width);
  view.setUint32(20, height);
  view.setUint32(29, crc32(png, 12, 29));
  return png;
}

describe('checkImageBytes over PngSuite', () => {
  it('accepts every valid file with the size sharp reads', async () => {
    const valid = pngSuiteFiles().filter((f) => !isCorruptPngSuiteFile(f));
    expect(valid.length).toBeGreaterThan(100);
    for (const file of valid) {
      const meta = await sharp(suiteFile(file)).metadata();
      expect(await checkImageBytes(suiteFile(file), 'image/png'), file).toEqual({
        ok: true,
        type: 'image/png',
        width: meta.width,
        height: meta.height,
      });
    }
  });

  it('refuses every corrupt file (x*.png), each with a reason', async () => {
    const corrupt = pngSuiteFiles().filter(isCorruptPngSuiteFile);
    expect(corrupt.length).toBe(14);
    for (const file of corrupt) {
      const check = await checkImageBytes(suiteFile(file), 'image/png');
      expect(check.ok, file).toBe(false);
      if (!check.ok) expect(check.problem.length, file).toBeGreaterThan(10);
    }
  });

  it('names what is wrong with some of them', async () => {
    const problem = async (file: string) => {
      const check = await checkImageBytes(suiteFile(file), 'image/png');
      return check.ok ? 'ok' : check.problem;
    };
    expect(await problem('xcsn0g01.png')).toBe('a damaged PNG: its IDAT chunk fails its checksum');
    expect(await problem('xdtn0g01.png')).toBe('a damaged PNG: it holds no pixel data (IDAT)');
    expect(await problem('xc9n2c08.png')).toBe('a damaged PNG: its colour type 9 does not exist');
  });

  it('refuses a PNG cut short anywhere after its header', async () => {
    const whole = suiteFile('basn6a08.png');
    for (const at of [40, 100, Math.floor(whole.length / 2), whole.length - 13, whole.length - 1]) {
      const check = await checkImageBytes(whole.subarray(0, at), 'image/png');
      expect(check.ok, `cut at ${at}`).toBe(false);
    }
  });

  it('refuses pixel data that is valid zlib but too short for the size', async () => {
    // 64×48 claimed as 64×480: the header and every CRC are right, the scanlines run out.
    const check = await checkImageBytes(await pngClaiming(64, 480), 'image/png');
    expect(check).toEqual({
      ok: false,
      problem: 'a damaged PNG: its pixel data is cut short or corrupt',
    });
  });
});

describe('checkImageBytes against what a provider may send', () => {
  it('refuses a header claiming 50000×50000 before decoding anything', async () => {
    const check = await checkImageBytes(await pngClaiming(50_000, 50_000), 'image/png');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toMatch(/^a PNG claiming 50000×50000 pixels, more than/);
  });

  it('accepts the largest size a model makes, 3840×2160', async () => {
    const check = await checkImageBytes(await picture('png', 3840, 2160), 'image/png');
    expect(check).toMatchObject({ ok: true, width: 3840, height: 2160 });
  });

  it.each([
    [
      '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>',
      'a web page (HTML), not a picture',
    ],
    [
      '<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
      'an SVG drawing (text), not a picture',
    ],
    ['{"error":"oops"}', 'JSON text, not a picture'],
    ['Internal Server Error', 'text, not a picture'],
    ['', 'an empty file'],
  ])('refuses %j as %s', async (body, problem) => {
    expect(await checkImageBytes(text(body), 'image/png')).toEqual({ ok: false, problem });
  });

  it('refuses bytes of another type than announced, and takes any when none was', async () => {
    const jpeg = await picture('jpeg');
    expect(await checkImageBytes(jpeg, 'image/png')).toEqual({
      ok: false,
      problem: 'a JPEG, though a PNG was announced',
    });
    expect(await checkImageBytes(jpeg, null)).toMatchObject({ ok: true, type: 'image/jpeg' });
  });

  it('accepts whole JPEG and WebP files and refuses them cut short', async () => {
    for (const format of ['jpeg', 'webp'] as const) {
      const whole = await picture(format, 300, 200);
      const type = `image/${format}` as const;
      expect(await checkImageBytes(whole, type), format).toMatchObject({ ok: true, width: 300 });
      const cut = await checkImageBytes(whole.subarray(0, Math.floor(whole.length * 0.7)), type);
      expect(cut.ok, format).toBe(false);
    }
  });
});
