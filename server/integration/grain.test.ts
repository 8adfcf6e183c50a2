/**
 * --grain (EngineOptions.grain): generated pictures compress like photographs, so a 1024²
 * result is megabytes as from the real models, and the same request still gives the same bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rgba, startTestEngine, type TestEngine } from './helpers.ts';

let clean: TestEngine;
let grainy: TestEngine;
beforeAll(async () => {
  [clean, grainy] = await Promise.all([startTestEngine(), startTestEngine({ grain: 10 })]);
});
afterAll(() => Promise.all([clean.close(), grainy.close()]));

const generate = (engine: TestEngine, background: 'opaque' | 'transparent' = 'opaque') =>
  engine.client.images
    .generate({
      model: 'gpt-image-2',
      prompt: 'a lighthouse at dusk',
      size: '1024x1024',
      background,
    })
    .then((result) => Buffer.from(result.data![0]!.b64_json!, 'base64'));

describe('grain', () => {
  it('makes a 1024² PNG megabytes, where the clean drawing is tens of KB', async () => {
    const [plain, grained] = await Promise.all([generate(clean), generate(grainy)]);
    expect(plain.length).toBeLessThan(500 * 1024);
    expect(grained.length).toBeGreaterThan(1.5 * 1024 * 1024);
    const image = await rgba(grained);
    expect([image.format, image.width, image.height]).toEqual(['png', 1024, 1024]);
  });

  it('gives the same bytes for the same request', async () => {
    const [first, second] = [await generate(grainy), await generate(grainy)];
    expect(second.equals(first)).toBe(true);
  });

  it('keeps a transparent background transparent', async () => {
    const image = await rgba(await generate(grainy, 'transparent'));
    let transparent = 0;
    for (let i = 3; i < image.data.length; i += 4) if (image.data[i] === 0) transparent++;
    expect(transparent).toBeGreaterThan(0);
  });
});
