import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI, { AuthenticationError, BadRequestError, NotFoundError } from 'openai';
import { listenEngine, type RunningEngine } from '../listen.ts';
import { patternPng, rawPost, startTestEngine, type TestEngine } from './helpers.ts';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine({
    maxMultipartBytes: 2 * 1024 * 1024,
    corsOrigins: ['http://example.test'],
  });
});
afterAll(() => engine.close());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe('bad input surfaces as the SDK’s typed errors, never a 500', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a missing prompt', { model: 'gpt-image-1' }, 'prompt'],
    ['a prompt over the model’s limit', { model: 'dall-e-2', prompt: 'x'.repeat(1001) }, 'prompt'],
    ['n out of range', { model: 'gpt-image-1', prompt: 'x', n: 11 }, 'n'],
    ['n > 1 on dall-e-3', { model: 'dall-e-3', prompt: 'x', n: 2 }, 'n'],
    ['a size the model does not take', { model: 'dall-e-3', prompt: 'x', size: '512x512' }, 'size'],
    [
      'a gpt-image-2 size off the 16 px grid',
      { model: 'gpt-image-2', prompt: 'x', size: '1000x1000' },
      'size',
    ],
    [
      'style on a model without styles',
      { model: 'gpt-image-1', prompt: 'x', style: 'vivid' },
      'style',
    ],
    [
      'response_format on a GPT image model',
      { model: 'gpt-image-1', prompt: 'x', response_format: 'url' },
      'response_format',
    ],
    [
      'transparent jpeg',
      { model: 'gpt-image-1', prompt: 'x', background: 'transparent', output_format: 'jpeg' },
      'background',
    ],
    ['an unknown field', { model: 'gpt-image-1', prompt: 'x', seed: 3 }, 'seed'],
    ['a wrong type', { model: 'gpt-image-1', prompt: 'x', n: '2' }, 'n'],
  ];
  for (const [what, body, param] of cases) {
    it(`${what} → BadRequestError naming '${param}'`, async () => {
      const error = await failure(engine.client.images.generate(body as never));
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).status).toBe(400);
      expect((error as BadRequestError).param).toBe(param);
      expect((error as BadRequestError).type).toBe('invalid_request_error');
    });
  }

  it('treats null as not set', async () => {
    const result = await engine.client.images.generate({
      model: 'gpt-image-1',
      prompt: 'x',
      n: null,
      size: null,
      quality: 'low',
    });
    expect(result.data).toHaveLength(1);
  });

  it('a model of no known family → NotFoundError model_not_found', async () => {
    // (dall-e-9 or gpt-image-9 would be served with their family's rules: see like-openai.test.ts.)
    const error = (await failure(
      engine.client.images.generate({ model: 'stable-diffusion-9', prompt: 'x' }),
    )) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('model_not_found');
  });

  it('multipart scalars are converted, and refused with the param named when they are not numbers', async () => {
    const form = new FormData();
    form.set('model', 'gpt-image-1');
    form.set('prompt', 'x');
    form.set('n', 'two');
    form.set(
      'image',
      new Blob([new Uint8Array(await patternPng(8, 8, { alpha: true }))], { type: 'image/png' }),
      'a.png',
    );
    const { status, json } = await rawPost(`${engine.url}/v1/images/edits`, form);
    expect(status).toBe(400);
    expect(json.error!.param).toBe('n');
    form.set('n', '2');
    form.set('stream', 'maybe');
    expect((await rawPost(`${engine.url}/v1/images/edits`, form)).json.error!.param).toBe('stream');
  });

  it('malformed JSON, an empty body, a JSON array → 400 with an explanation', async () => {
    const url = `${engine.url}/v1/images/generations`;
    for (const body of ['{"prompt":', '', '[1,2]', 'null']) {
      const { status, json } = await rawPost(url, body, { 'content-type': 'application/json' });
      expect(status).toBe(400);
      expect(json.error!.message.length).toBeGreaterThan(10);
    }
  });

  it('wrong content types → 415; wrong methods → 405; unknown routes → 404', async () => {
    expect(
      (
        await rawPost(`${engine.url}/v1/images/generations`, 'prompt=x', {
          'content-type': 'text/plain',
        })
      ).status,
    ).toBe(415);
    expect(
      (await rawPost(`${engine.url}/v1/images/edits`, '{}', { 'content-type': 'application/json' }))
        .status,
    ).toBe(415);
    const get = await fetch(`${engine.url}/v1/images/generations`);
    expect(get.status).toBe(405);
    const unknown = await fetch(`${engine.url}/v1/images/nothing`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe(
      'Invalid URL (POST /v1/images/nothing)',
    );
  });

  it('a multipart body without a boundary or cut off mid-way → 400, and the engine keeps serving', async () => {
    expect(
      (
        await rawPost(`${engine.url}/v1/images/edits`, 'x', {
          'content-type': 'multipart/form-data',
        })
      ).status,
    ).toBe(400);
    const truncated =
      '--B\r\nContent-Disposition: form-data; name="prompt"\r\n\r\nhello\r\n--B\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG';
    const cut = await rawPost(`${engine.url}/v1/images/edits`, truncated, {
      'content-type': 'multipart/form-data; boundary=B',
    });
    expect(cut.status).toBe(400);
    expect(cut.json.error!.code).toBe('invalid_multipart');
    expect(
      (
        await engine.client.images.generate({
          model: 'gpt-image-1',
          prompt: 'still alive',
          quality: 'low',
        })
      ).data,
    ).toHaveLength(1);
  });

  it('a body over the limit → 413 that the client can read', async () => {
    const form = new FormData();
    form.set('prompt', 'x');
    form.set(
      'image',
      new Blob([new Uint8Array(3 * 1024 * 1024)], { type: 'image/png' }),
      'big.png',
    );
    const { status, json } = await rawPost(`${engine.url}/v1/images/edits`, form);
    expect(status).toBe(413);
    expect(json.error!.code).toBe('request_too_large');
  });

  it('a client that disconnects mid-upload does not wedge the engine', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${engine.url}/v1/images/generations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '1000' },
      });
      req.on('error', () => resolve());
      req.write('{"prompt": "half');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    expect(
      (
        await engine.client.images.generate({
          model: 'gpt-image-1',
          prompt: 'after the disconnect',
          quality: 'low',
        })
      ).data,
    ).toHaveLength(1);
  });

  it('answers an allowed page’s CORS preflights on every path, reflecting the SDK’s x-stainless-* headers', async () => {
    for (const path of ['/v1/images/edits', '/v1/images/generations', '/anything']) {
      const res = await fetch(`${engine.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://example.test',
          'access-control-request-method': 'POST',
          'access-control-request-headers':
            'authorization, content-type, x-stainless-os, x-stainless-retry-count',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('http://example.test');
      expect(res.headers.get('access-control-allow-headers')).toContain('x-stainless-retry-count');
    }
    const res = await rawPost(`${engine.url}/v1/images/generations`, '{}', {
      'content-type': 'application/json',
      origin: 'http://example.test',
    });
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });
});

describe('--api-key', () => {
  let locked: RunningEngine;
  beforeAll(async () => {
    locked = await listenEngine({ apiKey: 'sk-right-key-1234' });
  });
  afterAll(() => locked.close());

  it('a missing or wrong key → AuthenticationError 401; the right key works', async () => {
    const wrong = new OpenAI({
      baseURL: `${locked.url}/v1`,
      apiKey: 'sk-wrong-key-0000',
      maxRetries: 0,
    });
    const error = (await failure(
      wrong.images.generate({ model: 'dall-e-2', prompt: 'x' }),
    )) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.code).toBe('invalid_api_key');
    expect(
      (
        await rawPost(`${locked.url}/v1/images/generations`, '{}', {
          'content-type': 'application/json',
        })
      ).status,
    ).toBe(401);

    const right = new OpenAI({
      baseURL: `${locked.url}/v1`,
      apiKey: 'sk-right-key-1234',
      maxRetries: 0,
    });
    const result = await right.images.generate({ model: 'dall-e-2', prompt: 'x', size: '256x256' });
    // The url result needs the key too (see security.test.ts for every route).
    const url = result.data![0]!.url!;
    expect((await fetch(url)).status).toBe(401);
    const image = await fetch(url, { headers: { authorization: 'Bearer sk-right-key-1234' } });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
  });

  it('without --faults the test hooks do not exist', async () => {
    const res = await fetch(`${locked.url}/__engine/faults`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-right-key-1234' },
      body: '{"queue":[{"type":"drop"}]}',
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'test_hooks_disabled',
    );
  });
});
