import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isCorruptPngSuiteFile,
  PNGSUITE_DIR,
  pngSuiteFiles,
} from '../../../../../fixtures/pngsuite.ts';
import { readMaskFile } from './load-mask.ts';

/** A PNG's first 33 bytes: signature and IHDR (8-bit RGBA) claiming width×height. */
function pngHead(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
  const view = new DataView(b.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  b.set([8, 6, 0, 0, 0], 24);
  return b;
}

/** A file of `size` bytes that only holds `head`: a multi-hundred-MB upload without the RAM. */
function fileOf(name: string, head: Uint8Array, size = head.length): File {
  const blob = new Blob([head as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  return { name, size, type: 'image/png', slice: blob.slice.bind(blob) } as unknown as File;
}

const image = { width: 1600, height: 1000 };
const decode = vi.fn(() => Promise.reject(new Error('decoded')));

afterEach(() => {
  vi.unstubAllGlobals();
  decode.mockClear();
});

/** The message readMaskFile refuses `file` with, checking it never reached the decoder. */
async function refusal(file: File): Promise<string> {
  vi.stubGlobal('createImageBitmap', decode);
  const error = await readMaskFile(file, image.width, image.height, 'auto').catch((e) => e);
  expect(decode).not.toHaveBeenCalled();
  return (error as Error).message;
}

describe('readMaskFile refuses before decoding', () => {
  it('a file over the studio’s upload limit, saying how large and what to do', async () => {
    expect(await refusal(fileOf('huge.png', pngHead(1600, 1000), 300 * 1024 * 1024))).toBe(
      '“huge.png” is 300 MB; Easel loads masks up to 256 MB. Save the mask at the image’s size, 1600×1000, and load that.',
    );
  });

  it('a PNG whose header claims more pixels than Easel reads', async () => {
    expect(await refusal(fileOf('wide.png', pngHead(50_000, 31_250)))).toBe(
      '“wide.png” claims 50,000×31,250 pixels, more than Easel reads (16,384 px a side, 66 MP). Save the mask at the image’s size, 1600×1000, and load that.',
    );
  });

  it('a PNG of other proportions, from its header alone', async () => {
    expect(await refusal(fileOf('square.png', pngHead(1000, 1000)))).toBe(
      'The mask is 1000×1000, but the image is 1600×1000. Load a mask with the image’s size.',
    );
  });

  it('a PNG too short to hold its size, or with pixel data that does not add up', async () => {
    expect(await refusal(fileOf('cut.png', pngHead(1600, 1000).subarray(0, 20)))).toBe(
      '“cut.png” is a damaged PNG: its size cannot be read. Export the mask again and load the new file.',
    );
    expect(await refusal(fileOf('broken.png', pngHead(1600, 1000)))).toMatch(
      /^“broken\.png” is a damaged PNG: .+\. Export the mask again and load the new file\.$/,
    );
  });

  it('an empty file, an SVG and a PDF, each with a way forward', async () => {
    expect(await refusal(fileOf('blank.png', new Uint8Array()))).toBe(
      '“blank.png” is empty (0 bytes). Choose the mask file itself.',
    );
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(await refusal(fileOf('mask.svg', svg))).toBe(
      '“mask.svg” is an SVG drawing. Export the mask as a PNG, then load that.',
    );
    expect(await refusal(fileOf('mask.pdf', new TextEncoder().encode('%PDF-1.7')))).toBe(
      '“mask.pdf” is a PDF. Export the mask as a PNG, then load that.',
    );
  });
});

describe('readMaskFile and the corrupt PngSuite files', () => {
  it('refuses every one (at its own 32×32 size) as a damaged PNG, before decoding', async () => {
    const corrupt = pngSuiteFiles().filter(isCorruptPngSuiteFile);
    expect(corrupt.length).toBeGreaterThan(10);
    const said: Record<string, string> = {};
    vi.stubGlobal('createImageBitmap', decode);
    for (const name of corrupt) {
      const bytes = readFileSync(join(PNGSUITE_DIR, name));
      const file = new File([bytes], name, { type: 'image/png' });
      said[name] = await readMaskFile(file, 32, 32, 'auto').then(
        () => 'loaded',
        (e: Error) => e.message,
      );
    }
    expect(decode).not.toHaveBeenCalled();
    for (const [name, message] of Object.entries(said)) {
      expect(message, name).toMatch(
        new RegExp(
          `^“${name}” is a damaged PNG: .+\\. Export the mask again and load the new file\\.$`,
        ),
      );
    }
  });
});
