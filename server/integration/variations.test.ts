import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError } from 'openai';
import sharp from 'sharp';
import { patternPng, pngFile, rgba, startTestEngine, type TestEngine } from './helpers.ts';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

/** Mean absolute per-channel difference between two same-size RGBA buffers. */
function meanDiff(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) if (i % 4 !== 3) sum += Math.abs(a[i]! - b[i]!);
  return sum / ((a.length / 4) * 3);
}

/** Four flat quadrants: a layout a variation should keep. */
async function quadrants(size: number): Promise<Buffer> {
  const half = size / 2;
  const tile = (background: string) =>
    sharp({ create: { width: half, height: half, channels: 3, background } })
      .png()
      .toBuffer();
  return sharp({ create: { width: size, height: size, channels: 3, background: '#000' } })
    .composite([
      { input: await tile('#d94f30'), left: 0, top: 0 },
      { input: await tile('#2f7fd9'), left: half, top: 0 },
      { input: await tile('#3fbf5f'), left: 0, top: half },
      { input: await tile('#f2d43a'), left: half, top: half },
    ])
    .png()
    .toBuffer();
}

describe('variations through the official openai client', () => {
  it('returns n images related to the input: same size and layout, visibly perturbed', async () => {
    const source = await quadrants(256);
    const result = await engine.client.images.createVariation({
      image: await pngFile(source),
      n: 2,
      size: '256x256',
      response_format: 'b64_json',
    });
    const [a, b] = await Promise.all(result.data!.map((d) => rgba(d.b64_json!)));
    const input = await rgba(source);
    expect([a!.width, a!.height]).toEqual([256, 256]);
    expect(a!.data.equals(b!.data)).toBe(false);
    // Related: much closer to the input than the input is to a flipped copy of itself.
    const flipped = Buffer.from(input.data);
    for (let p = 0; p < 256 * 256; p++)
      input.data.copy(flipped, p * 4, (256 * 256 - 1 - p) * 4, (256 * 256 - p) * 4);
    expect(meanDiff(input.data, a!.data)).toBeGreaterThan(2);
    expect(meanDiff(input.data, a!.data)).toBeLessThan(meanDiff(input.data, flipped) / 2);
  });

  it('defaults to url results at 1024x1024', async () => {
    const result = await engine.client.images.createVariation({
      image: await pngFile(await patternPng(64, 64)),
    });
    const res = await fetch(result.data![0]!.url!);
    expect((await rgba(Buffer.from(await res.arrayBuffer()))).width).toBe(1024);
  });

  it('refuses a non-square image and a model without variations', async () => {
    const wide = await engine.client.images
      .createVariation({ image: await pngFile(await patternPng(64, 32)) })
      .catch((e: unknown) => e);
    expect(wide).toBeInstanceOf(BadRequestError);
    expect((wide as BadRequestError).param).toBe('image');
    const gpt = await engine.client.images
      .createVariation({ image: await pngFile(await patternPng(64, 64)), model: 'gpt-image-1' })
      .catch((e: unknown) => e);
    expect((gpt as BadRequestError).param).toBe('model');
  });
});
