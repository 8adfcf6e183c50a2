/**
 * The engine acting as OpenAI today (--like openai), through the official openai client: the
 * models OpenAI shut down answer its typed 404, GPT Image 2.5 and its qualities are served,
 * and gpt-image-2 refuses the 2.5 tiers naming `quality`. GET /v1/models carries lifecycles.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputTokensPerImage } from '../../src/api/image-tokens.ts';
import { startTestEngine, type TestEngine } from './helpers.ts';

const DEC_4 = Date.parse('2026-12-04T09:00:00Z');

let openaiToday: TestEngine;
let offline: TestEngine;
beforeAll(async () => {
  [openaiToday, offline] = await Promise.all([
    startTestEngine({ like: 'openai' }),
    startTestEngine(),
  ]);
  openaiToday.clock.now = DEC_4;
  offline.clock.now = DEC_4;
});
afterAll(() => Promise.all([openaiToday.close(), offline.close()]));

async function rejection(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error;
    throw error;
  }
  throw new Error('expected the engine to refuse');
}

describe('--like openai', () => {
  it('a retired model raises the typed 404 model_not_found naming it', async () => {
    const error = await rejection(
      openaiToday.client.images.generate({ model: 'gpt-image-1.5', prompt: 'a lighthouse' }),
    );
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect([error.status, error.type, error.code]).toEqual([
      404,
      'invalid_request_error',
      'model_not_found',
    ]);
    expect(error.message).toMatch(/gpt-image-1\.5/);
  });

  it('the shutdown takes effect on its day: GPT Image 1.5 served on 30 Nov, refused on 1 Dec', async () => {
    const day = await startTestEngine({ like: 'openai' });
    try {
      day.clock.now = Date.parse('2026-11-30T23:59:00Z');
      const served = await day.client.images.generate({
        model: 'gpt-image-1.5',
        prompt: 'a lighthouse',
        quality: 'low',
      });
      expect(served.data).toHaveLength(1);
      day.clock.now = Date.parse('2026-12-01T00:00:00Z');
      const error = await rejection(
        day.client.images.generate({ model: 'gpt-image-1.5', prompt: 'a lighthouse' }),
      );
      expect(error.status).toBe(404);
    } finally {
      await day.close();
    }
  });

  it('gpt-image-2.5-flare with quality xhigh at 2048x1152 succeeds with usage', async () => {
    const result = await openaiToday.client.images.generate({
      model: 'gpt-image-2.5-flare',
      prompt: 'a lighthouse on a cliff at dusk',
      // The openai package of this version types quality without the 2.5 tiers.
      quality: 'xhigh' as 'high',
      size: '2048x1152',
    });
    expect(result.data).toHaveLength(1);
    expect(result.size as string).toBe('2048x1152');
    expect(result.quality as string).toBe('xhigh');
    const usage = result.usage!;
    const perImage = outputTokensPerImage('gpt-image-2.5-flare', 'xhigh', {
      width: 2048,
      height: 1152,
    });
    expect(usage.output_tokens).toBe(perImage);
    expect(usage.output_tokens_details?.image_tokens).toBe(perImage);
    expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens);
  });

  it('the alias gpt-image-2.5 and Sunburst at max are served too', async () => {
    for (const model of ['gpt-image-2.5', 'gpt-image-2.5-sunburst-2026-09-08']) {
      const result = await openaiToday.client.images.generate({
        model,
        prompt: 'a lighthouse',
        quality: 'max' as 'high',
        size: '1024x1024',
      });
      expect(result.quality as string, model).toBe('max');
    }
  });

  it('xhigh on gpt-image-2 raises 400 with param quality', async () => {
    const error = await rejection(
      openaiToday.client.images.generate({
        model: 'gpt-image-2',
        prompt: 'a lighthouse',
        quality: 'xhigh' as 'high',
      }),
    );
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.param).toBe('quality');
    expect(error.message).toMatch(/The model 'gpt-image-2' does not support quality 'xhigh'/);
  });

  it('variations need DALL·E 2, which OpenAI no longer serves', async () => {
    const error = await rejection(
      openaiToday.client.images.generate({ model: 'dall-e-2', prompt: 'a lighthouse' }),
    );
    expect(error.code).toBe('model_not_found');
  });

  it('models.retrieve and models.list: live models with created, owned_by and lifecycle', async () => {
    const model = await openaiToday.client.models.retrieve('gpt-image-2');
    expect(model).toMatchObject({
      id: 'gpt-image-2',
      object: 'model',
      created: Date.parse('2026-04-21T00:00:00Z') / 1000,
      owned_by: 'system',
      lifecycle: { state: 'live', provider: 'openai' },
    });
    const retired = await rejection(openaiToday.client.models.retrieve('gpt-image-1.5'));
    expect(retired).toBeInstanceOf(OpenAI.NotFoundError);
    const ids: string[] = [];
    for await (const m of openaiToday.client.models.list()) ids.push(m.id);
    expect(ids).toEqual(
      expect.arrayContaining(['gpt-image-2.5-flare', 'gpt-image-2.5', 'gpt-image-2']),
    );
    for (const gone of [
      'dall-e-2',
      'dall-e-3',
      'gpt-image-1',
      'gpt-image-1.5',
      'gpt-image-1-mini',
    ]) {
      expect(ids, gone).not.toContain(gone);
    }
  });

  it('an id it does not know is served only after --extra-model names it', async () => {
    const error = await rejection(
      openaiToday.client.images.generate({ model: 'gpt-image-3', prompt: 'a lighthouse' }),
    );
    expect(error.status).toBe(404);
    const launch = await startTestEngine({ like: 'openai', extraModels: ['gpt-image-3'] });
    try {
      const result = await launch.client.images.generate({ model: 'gpt-image-3', prompt: 'x' });
      expect(result.data).toHaveLength(1);
      const listed = await launch.client.models.retrieve('gpt-image-3');
      expect(listed).toMatchObject({ lifecycle: { state: 'live', rules_assumed: true } });
    } finally {
      await launch.close();
    }
  });
});

describe('offline (the default) and the x-easel-like header', () => {
  it('serves retired models, and lists them with their OpenAI lifecycle', async () => {
    const result = await offline.client.images.generate({
      model: 'gpt-image-1.5',
      prompt: 'a lighthouse',
      quality: 'low',
    });
    expect(result.data).toHaveLength(1);
    const model = await offline.client.models.retrieve('gpt-image-1.5');
    expect(model).toMatchObject({
      lifecycle: {
        state: 'retired',
        since: '2026-12-01',
        successor: 'gpt-image-2.5-flare',
        deprecated_at: '2026-06-02',
        shutdown_at: '2026-12-01',
      },
    });
  });

  it('a request with x-easel-like: openai gets OpenAI’s answer from the same engine', async () => {
    const asOpenAI = new OpenAI({
      baseURL: `${offline.url}/v1`,
      apiKey: 'sk-local',
      maxRetries: 0,
      defaultHeaders: { 'x-easel-like': 'openai' },
    });
    const error = await rejection(
      asOpenAI.images.generate({ model: 'gpt-image-1.5', prompt: 'a lighthouse' }),
    );
    expect(error.code).toBe('model_not_found');
  });
});
