import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, toFile } from 'openai';
import sharp from 'sharp';
import { maskPng, patternPng, pngFile, rgba, startTestEngine, type TestEngine } from './helpers.ts';

// Most tests here check exact pixels, so this engine runs with the GPT edit drift off
// (`--no-drift`); the drift itself is tested below against an engine with its defaults.
let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine({ drift: false });
});
afterAll(() => engine.close());

/** Counts pixels that differ, inside and outside a rectangle. */
function compare(a: Buffer, b: Buffer, width: number, rect: [number, number, number, number]) {
  const [rx, ry, rw, rh] = rect;
  let outsideChanged = 0;
  let insideChanged = 0;
  for (let p = 0; p < a.length / 4; p++) {
    const x = p % width;
    const y = Math.floor(p / width);
    const same = a.readUInt32BE(p * 4) === b.readUInt32BE(p * 4);
    const inside = x >= rx && x < rx + rw && y >= ry && y < ry + rh;
    if (!same && inside) insideChanged++;
    if (!same && !inside) outsideChanged++;
  }
  return { outsideChanged, insideChanged };
}

async function badRequest(promise: Promise<unknown>): Promise<BadRequestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BadRequestError);
  return error as BadRequestError;
}

describe('edits through the official openai client', () => {
  const hole: [number, number, number, number] = [100, 200, 300, 150];

  for (const model of [
    'gpt-image-1',
    'gpt-image-1.5',
    'gpt-image-1-mini',
    'gpt-image-2',
    'dall-e-2',
  ] as const) {
    it(`${model} without drift: paints only where the mask is transparent; every other pixel is byte-identical`, async () => {
      const source = await patternPng(512, 512, { alpha: true });
      const result = await engine.client.images.edit({
        model,
        image: await pngFile(source),
        mask: await pngFile(await maskPng(512, 512, hole), 'mask.png'),
        prompt: 'a bright sun',
        size: model === 'dall-e-2' ? '512x512' : 'auto',
        ...(model === 'dall-e-2' ? { response_format: 'b64_json' as const } : {}),
      });
      const out = await rgba(result.data![0]!.b64_json!);
      const input = await rgba(source);
      expect([out.width, out.height]).toEqual([512, 512]);
      const { outsideChanged, insideChanged } = compare(input.data, out.data, 512, hole);
      expect(outsideChanged).toBe(0);
      expect(insideChanged).toBeGreaterThan(300 * 150 * 0.9);
    });
  }

  it('takes several images as image[] and paints with the reference images’ colours', async () => {
    const first = await patternPng(256, 256, { transparentRect: [0, 0, 128, 256] });
    const red = await sharp({
      create: { width: 64, height: 64, channels: 3, background: '#e01010' },
    })
      .png()
      .toBuffer();
    const blue = await sharp({
      create: { width: 64, height: 64, channels: 3, background: '#1030e0' },
    })
      .png()
      .toBuffer();
    const single = await engine.client.images.edit({
      model: 'gpt-image-1',
      image: await pngFile(first),
      prompt: 'a garden',
      size: 'auto',
    });
    const result = await engine.client.images.edit({
      model: 'gpt-image-1',
      image: [await pngFile(first), await pngFile(red, 'red.png'), await pngFile(blue, 'blue.png')],
      prompt: 'a garden',
      size: 'auto',
    });
    const log = (await (await fetch(`${engine.url}/__engine/requests`)).json()) as {
      files: { field: string }[];
    }[];
    expect(log.at(-1)!.files.map((f) => f.field)).toEqual(['image[]', 'image[]', 'image[]']);
    const withRefs = await rgba(result.data![0]!.b64_json!);
    const without = await rgba(single.data![0]!.b64_json!);
    const input = await rgba(first);
    // The transparent left half was painted; the right half is untouched.
    expect(compare(input.data, withRefs.data, 256, [0, 0, 128, 256]).outsideChanged).toBe(0);
    expect(withRefs.data.equals(without.data)).toBe(false);
  });

  it('uses the image’s own transparency as the mask when none is sent', async () => {
    const source = await patternPng(300, 200, { transparentRect: [50, 50, 100, 60] });
    const result = await engine.client.images.edit({
      model: 'gpt-image-1.5',
      image: await pngFile(source),
      prompt: 'moon',
      size: 'auto',
    });
    expect(result.size).toBe('300x200');
    const out = await rgba(result.data![0]!.b64_json!);
    const { outsideChanged, insideChanged } = compare(
      (await rgba(source)).data,
      out.data,
      300,
      [50, 50, 100, 60],
    );
    expect(outsideChanged).toBe(0);
    expect(insideChanged).toBe(100 * 60);
  });

  it('restyles a fully opaque image without a mask (GPT), keeping its size and layout', async () => {
    const source = await patternPng(320, 240);
    const result = await engine.client.images.edit({
      model: 'gpt-image-1',
      image: await pngFile(source),
      prompt: 'in teal tones',
      size: 'auto',
    });
    const out = await rgba(result.data![0]!.b64_json!);
    expect([out.width, out.height]).toEqual([320, 240]);
    expect(out.data.equals((await rgba(source)).data)).toBe(false);
  });

  it('streams image_edit.* events', async () => {
    const source = await patternPng(256, 256, { transparentRect: [0, 0, 64, 64] });
    const stream = await engine.client.images.edit({
      model: 'gpt-image-1',
      image: await pngFile(source),
      prompt: 'a star',
      stream: true,
      partial_images: 1,
      size: 'auto',
    });
    const types = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual(['image_edit.partial_image', 'image_edit.completed']);
  });

  it('accepts JPEG and WebP inputs for GPT models and resizes to the asked size', async () => {
    const jpeg = await sharp(await patternPng(400, 300))
      .jpeg()
      .toBuffer();
    const result = await engine.client.images.edit({
      model: 'gpt-image-1',
      image: await toFile(jpeg, 'photo.jpg', { type: 'image/jpeg' }),
      prompt: 'snow',
      size: '1536x1024',
    });
    expect(result.size).toBe('1536x1024');
  });

  describe('refuses bad edit input with a 400 naming the param', () => {
    it('a mask without an alpha channel', async () => {
      const error = await badRequest(
        engine.client.images.edit({
          model: 'gpt-image-1',
          image: await pngFile(await patternPng(64, 64)),
          mask: await pngFile(await patternPng(64, 64), 'mask.png'),
          prompt: 'x',
        }),
      );
      expect([error.param, error.code]).toEqual(['mask', 'invalid_mask_image_format']);
    });

    it('a mask of another size than the image', async () => {
      const error = await badRequest(
        engine.client.images.edit({
          model: 'gpt-image-1',
          image: await pngFile(await patternPng(64, 64)),
          mask: await pngFile(await maskPng(32, 32, [0, 0, 8, 8]), 'mask.png'),
          prompt: 'x',
        }),
      );
      expect(error.param).toBe('mask');
      expect(error.message).toMatch(/32x32.*64x64/);
    });

    it('a non-square or RGB image for dall-e-2, with the real API’s wording', async () => {
      const wide = await badRequest(
        engine.client.images.edit({
          model: 'dall-e-2',
          image: await pngFile(await patternPng(64, 32, { transparentRect: [0, 0, 4, 4] })),
          prompt: 'x',
        }),
      );
      expect(wide.param).toBe('image');
      expect(wide.message).toMatch(/square/);
      const rgb = await badRequest(
        engine.client.images.edit({
          model: 'dall-e-2',
          image: await pngFile(await patternPng(64, 64)),
          mask: await pngFile(await maskPng(64, 64, [0, 0, 8, 8]), 'mask.png'),
          prompt: 'x',
        }),
      );
      expect(rgb.message).toContain(
        "Invalid input image - format must be in ['RGBA', 'LA', 'L'], got RGB.",
      );
    });

    it('too many images for the model', async () => {
      const file = await pngFile(await patternPng(16, 16, { alpha: true }));
      const error = await badRequest(
        engine.client.images.edit({ model: 'dall-e-2', image: [file, file], prompt: 'x' }),
      );
      expect([error.param, error.code]).toEqual(['image', 'too_many_images']);
      const many = Array.from({ length: 17 }, () => file);
      const gpt = await badRequest(
        engine.client.images.edit({ model: 'gpt-image-1', image: many, prompt: 'x' }),
      );
      expect(gpt.message).toMatch(/at most 16/);
    });

    it('a corrupt file, a non-image and an unsupported mimetype', async () => {
      const corrupt = (await patternPng(64, 64)).subarray(0, 80);
      const error = await badRequest(
        engine.client.images.edit({
          model: 'gpt-image-1',
          image: await pngFile(corrupt),
          prompt: 'x',
        }),
      );
      expect([error.param, error.code]).toEqual(['image', 'invalid_image_file']);
      const text = await badRequest(
        engine.client.images.edit({
          model: 'gpt-image-1',
          image: await toFile(Buffer.from('hello'), 'a.png', { type: 'image/png' }),
          prompt: 'x',
        }),
      );
      expect(text.param).toBe('image');
      const untyped = await badRequest(
        engine.client.images.edit({
          model: 'gpt-image-1',
          image: await toFile(await patternPng(8, 8), 'a.png'),
          prompt: 'x',
        }),
      );
      expect(untyped.message).toMatch(/unsupported mimetype \('application\/octet-stream'\)/);
    });

    it('an image over dall-e-2’s 4 MB limit', async () => {
      const big = Buffer.concat([
        await patternPng(8, 8, { alpha: true }),
        Buffer.alloc(4 * 1024 * 1024),
      ]);
      const error = await badRequest(
        engine.client.images.edit({ model: 'dall-e-2', image: await pngFile(big), prompt: 'x' }),
      );
      expect(error.message).toContain('Uploaded image must be a PNG and less than 4 MB.');
    });

    it('a mask with nothing transparent, and an opaque dall-e-2 image without a mask', async () => {
      const opaqueMask = await badRequest(
        engine.client.images.edit({
          model: 'gpt-image-1',
          image: await pngFile(await patternPng(32, 32)),
          mask: await pngFile(await maskPng(32, 32, [0, 0, 0, 0]), 'mask.png'),
          prompt: 'x',
        }),
      );
      expect(opaqueMask.param).toBe('mask');
      const nothing = await badRequest(
        engine.client.images.edit({
          model: 'dall-e-2',
          image: await pngFile(await patternPng(32, 32, { alpha: true })),
          prompt: 'x',
        }),
      );
      expect(nothing.param).toBe('image');
    });

    it('edits on a model without edits, and a missing image', async () => {
      const file = await pngFile(await patternPng(16, 16, { alpha: true }));
      const e3 = await badRequest(
        engine.client.images.edit({ model: 'dall-e-3', image: file, prompt: 'x' }),
      );
      expect(e3.param).toBe('model');
      const form = new FormData();
      form.set('prompt', 'x');
      const res = await fetch(`${engine.url}/v1/images/edits`, { method: 'POST', body: form });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { param: string } }).error.param).toBe('image');
    });
  });
});
