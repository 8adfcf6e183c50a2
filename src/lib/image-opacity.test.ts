import { readFileSync } from 'node:fs';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { isCorruptPngSuiteFile, PNGSUITE_DIR, pngSuiteFiles } from '../../fixtures/pngsuite.ts';
import { opaqueByHeader } from './image-opacity.ts';

const suite = (name: string) => new Uint8Array(readFileSync(`${PNGSUITE_DIR}${name}`));

async function decodedOpaque(bytes: Uint8Array): Promise<boolean> {
  const { channels } = await sharp(bytes).metadata();
  if (channels !== 4 && channels !== 2) return true;
  return (await sharp(bytes).stats()).isOpaque;
}

describe('opaqueByHeader', () => {
  it('never calls a PngSuite image opaque that has a transparent pixel', async () => {
    for (const name of pngSuiteFiles().filter((n) => !isCorruptPngSuiteFile(n))) {
      const bytes = suite(name);
      if (opaqueByHeader(bytes)) expect(await decodedOpaque(bytes), name).toBe(true);
    }
  });

  it('tells from the header: colour types without alpha and no tRNS are opaque', () => {
    expect(opaqueByHeader(suite('basn2c08.png'))).toBe(true); // truecolour
    expect(opaqueByHeader(suite('basn0g08.png'))).toBe(true); // greyscale
    expect(opaqueByHeader(suite('basn3p08.png'))).toBe(true); // palette
    expect(opaqueByHeader(suite('tbrn2c08.png'))).toBe(false); // truecolour + tRNS
    expect(opaqueByHeader(suite('tbbn3p08.png'))).toBe(false); // palette + tRNS
    expect(opaqueByHeader(suite('basn6a08.png'))).toBe(false); // RGBA: must be looked at
  });

  it('calls JPEGs opaque and reads the alpha flag of WebP', async () => {
    const rgb = sharp({ create: { width: 8, height: 8, channels: 3, background: '#3366cc' } });
    const rgba = sharp({
      create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } },
    });
    const bytes = async (image: Sharp) => new Uint8Array(await image.toBuffer());
    expect(opaqueByHeader(await bytes(rgb.clone().jpeg()))).toBe(true);
    expect(opaqueByHeader(await bytes(rgb.clone().webp()))).toBe(true);
    expect(opaqueByHeader(await bytes(rgb.clone().webp({ lossless: true })))).toBe(true);
    expect(opaqueByHeader(await bytes(rgba.clone().webp()))).toBe(false);
    expect(opaqueByHeader(await bytes(rgba.clone().webp({ lossless: true })))).toBe(false);
    expect(opaqueByHeader(new Uint8Array([0x47, 0x49, 0x46, 0x38]))).toBe(false); // GIF: look
  });
});
