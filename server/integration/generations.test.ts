import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODELS } from '../../src/api/models.ts';
import { modelsFor } from '../../src/api/model-lookup.ts';
import { rgba, startTestEngine, type TestEngine } from './helpers.ts';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

describe('generations through the official openai client', () => {
  for (const model of modelsFor('generate')) {
    it(`generates with ${model.id} at its default size`, async () => {
      const dallE = model.family === 'dall-e';
      const result = await engine.client.images.generate({
        model: model.id,
        prompt: 'a lighthouse on a cliff at dusk',
        ...(dallE ? { response_format: 'b64_json' as const } : {}),
      });
      expect(result.data).toHaveLength(1);
      const image = await rgba(result.data![0]!.b64_json!);
      expect(image.format).toBe('png');
      expect([image.width, image.height]).toEqual([1024, 1024]);
      if (dallE) {
        expect(result.usage).toBeUndefined();
        expect(Boolean(result.data![0]!.revised_prompt)).toBe(model.id === 'dall-e-3');
      } else {
        expect(result).toMatchObject({
          background: 'opaque',
          output_format: 'png',
          size: '1024x1024',
          quality: 'medium',
        });
        const usage = result.usage!;
        expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens);
        expect(usage.input_tokens_details.text_tokens).toBeGreaterThan(0);
        expect(usage.output_tokens).toBeGreaterThan(0);
      }
    });
  }

  it('returns n images of exactly the asked size, each different', async () => {
    const result = await engine.client.images.generate({
      model: 'gpt-image-1',
      prompt: 'tulips',
      n: 3,
      size: '1536x1024',
    });
    const images = await Promise.all(result.data!.map((d) => rgba(d.b64_json!)));
    expect(images.map((i) => `${i.width}x${i.height}`)).toEqual([
      '1536x1024',
      '1536x1024',
      '1536x1024',
    ]);
    expect(images[0]!.data.equals(images[1]!.data)).toBe(false);
  });

  it('is deterministic per prompt, and different prompts look clearly different', async () => {
    const draw = async (prompt: string) =>
      rgba(
        (
          await engine.client.images.generate({
            model: 'gpt-image-1-mini',
            prompt,
            size: '1024x1024',
            quality: 'low',
          })
        ).data![0]!.b64_json!,
      );
    const a1 = await draw('a quiet harbor at night');
    const a2 = await draw('a quiet harbor at night');
    const b = await draw('a field of yellow flowers in spring');
    expect(a1.data.equals(a2.data)).toBe(true);
    let diff = 0;
    for (let i = 0; i < a1.data.length; i += 4)
      diff +=
        Math.abs(a1.data[i]! - b.data[i]!) +
        Math.abs(a1.data[i + 1]! - b.data[i + 1]!) +
        Math.abs(a1.data[i + 2]! - b.data[i + 2]!);
    expect(diff / (a1.data.length / 4)).toBeGreaterThan(60); // mean per-pixel RGB distance
  });

  it('draws gpt-image-2 at a free WxH size, including 3840x2160', async () => {
    const wide = await engine.client.images.generate({
      model: 'gpt-image-2-2026-04-21',
      prompt: 'a city skyline',
      size: '3840x2160',
      quality: 'low',
    });
    expect(wide.size).toBe('3840x2160');
    const image = await rgba(wide.data![0]!.b64_json!);
    expect([image.width, image.height]).toEqual([3840, 2160]);
  });

  it('gives a transparent background real alpha and honours jpeg/webp output', async () => {
    const transparent = await engine.client.images.generate({
      model: 'gpt-image-1.5',
      prompt: 'planets',
      background: 'transparent',
      output_format: 'webp',
    });
    expect(transparent).toMatchObject({ background: 'transparent', output_format: 'webp' });
    const image = await rgba(transparent.data![0]!.b64_json!);
    expect(image.format).toBe('webp');
    let clear = 0;
    for (let i = 3; i < image.data.length; i += 4) if (image.data[i] === 0) clear++;
    expect(clear).toBeGreaterThan(image.width * image.height * 0.2);

    const small = await engine.client.images.generate({
      model: 'gpt-image-1',
      prompt: 'planets',
      output_format: 'jpeg',
      output_compression: 20,
    });
    const large = await engine.client.images.generate({
      model: 'gpt-image-1',
      prompt: 'planets',
      output_format: 'jpeg',
      output_compression: 95,
    });
    expect((await rgba(small.data![0]!.b64_json!)).format).toBe('jpeg');
    expect(small.data![0]!.b64_json!.length).toBeLessThan(large.data![0]!.b64_json!.length);
  });

  it('serves dall-e url results for 60 minutes, then answers a clear 404', async () => {
    const result = await engine.client.images.generate({
      model: 'dall-e-2',
      prompt: 'a red kite',
      size: '256x256',
    });
    const url = result.data![0]!.url!;
    expect(url.startsWith(`${engine.url}/v1/images/files/`)).toBe(true);
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect((await rgba(Buffer.from(await first.arrayBuffer()))).width).toBe(256);

    engine.clock.now += 59 * 60 * 1000;
    expect((await fetch(url)).status).toBe(200);
    engine.clock.now += 2 * 60 * 1000;
    const expired = await fetch(url);
    expect(expired.status).toBe(404);
    const body = (await expired.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe('image_expired');
    expect(body.error.message).toMatch(/expired/);
  });

  it('streams partial images then the completed image, as the spec names them', async () => {
    const stream = await engine.client.images.generate({
      model: 'gpt-image-1',
      prompt: 'waves',
      stream: true,
      partial_images: 2,
      size: '1024x1536',
    });
    const events = [];
    for await (const event of stream) events.push(event);
    expect(events.map((e) => e.type)).toEqual([
      'image_generation.partial_image',
      'image_generation.partial_image',
      'image_generation.completed',
    ]);
    const [p0, p1, done] = events as [any, any, any]; // eslint-disable-line @typescript-eslint/no-explicit-any -- union narrowing per index
    expect([p0.partial_image_index, p1.partial_image_index]).toEqual([0, 1]);
    expect(done).toMatchObject({
      size: '1024x1536',
      output_format: 'png',
      background: 'opaque',
      quality: 'medium',
    });
    expect(done.usage.total_tokens).toBeGreaterThan(0);
    const final = await rgba(done.b64_json);
    expect([final.width, final.height]).toEqual([1024, 1536]);
    expect((await rgba(p0.b64_json)).data.equals(final.data)).toBe(false);
  });

  it('covers every model in the table', () => {
    expect(modelsFor('generate').length).toBe(MODELS.length);
  });
});
