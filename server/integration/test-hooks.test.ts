import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  InternalServerError,
  RateLimitError,
  AuthenticationError,
  APIError,
} from 'openai';
import sharp from 'sharp';
import { maskPng, patternPng, pngFile, startTestEngine, type TestEngine } from './helpers.ts';
import type { LoggedRequest } from '../request-log.ts';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

const hook = (path: string, init?: RequestInit) => fetch(`${engine.url}/__engine${path}`, init);
const queue = (...faults: unknown[]) =>
  hook('/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ queue: faults }),
  });
const generate = () =>
  engine.client.images.generate({ model: 'gpt-image-1', prompt: 'x', quality: 'low' });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

beforeEach(async () => {
  await hook('/faults', { method: 'DELETE' });
  await hook('/requests', { method: 'DELETE' });
});

describe('request log', () => {
  it('records fields as received and analyses each file; the raw bytes can be fetched back', async () => {
    const mask = await maskPng(64, 64, [0, 0, 16, 8]);
    await engine.client.images.edit({
      model: 'gpt-image-1',
      image: await pngFile(await patternPng(64, 64), 'photo.png'),
      mask: await pngFile(mask, 'mask.png'),
      prompt: 'a cat',
      n: 2,
    });
    const log = (await (await hook('/requests')).json()) as LoggedRequest[];
    expect(log).toHaveLength(1);
    const entry = log[0]!;
    expect(entry).toMatchObject({ operation: 'edit', path: '/v1/images/edits', status: 200 });
    expect(entry.fields).toMatchObject({ model: 'gpt-image-1', prompt: 'a cat', n: '2' });
    expect(entry.files[1]).toMatchObject({
      field: 'mask',
      filename: 'mask.png',
      contentType: 'image/png',
      format: 'png',
      width: 64,
      height: 64,
      channels: 4,
      hasAlpha: true,
      transparentPixels: 128,
      bytes: mask.length,
    });
    expect(entry.files[0]).toMatchObject({ field: 'image', hasAlpha: false, channels: 3 });
    const raw = Buffer.from(await (await hook(`/requests/${entry.id}/files/1`)).arrayBuffer());
    expect(raw.equals(mask)).toBe(true);
    expect((await sharp(raw).metadata()).width).toBe(64);
  });

  it('names a request’s fields only once its files can be fetched back', async () => {
    // Tests find an edit by its prompt, then fetch its files: while a large upload is still
    // being analysed, its prompt must not show yet (a 404 for its files read as a bad image).
    const edit = engine.client.images.edit({
      model: 'gpt-image-1',
      image: await pngFile(await patternPng(2048, 2048), 'big.png'),
      mask: await pngFile(await maskPng(2048, 2048, [0, 0, 512, 512]), 'mask.png'),
      prompt: 'found early',
    });
    let missing: string[] = [];
    for (let seen = false; !seen;) {
      const log = (await (await hook('/requests')).json()) as LoggedRequest[];
      const entry = log.find((e) => e.fields.prompt === 'found early');
      if (!entry) continue;
      seen = true;
      const answers = await Promise.all(
        [0, 1].map((i) => hook(`/requests/${entry.id}/files/${i}`)),
      );
      missing = answers.flatMap((r, i) => (r.ok ? [] : [`file ${i}: ${r.status}`]));
    }
    await edit;
    expect(missing).toEqual([]);
  });

  it('uses the x-request-id of the response as the entry id', async () => {
    const { response } = await engine.client.images
      .generate({ model: 'dall-e-2', prompt: 'x', size: '256x256' })
      .withResponse();
    const log = (await (await hook('/requests')).json()) as LoggedRequest[];
    expect(log.at(-1)!.id).toBe(response.headers.get('x-request-id'));
  });
});

describe('fault queue', () => {
  it('429 with Retry-After → RateLimitError carrying the header; then the normal answer', async () => {
    await queue({ type: 'status', status: 429, retryAfter: 7 });
    const error = (await failure(generate())) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.headers.get('retry-after')).toBe('7');
    expect(error.code).toBe('rate_limit_exceeded');
    expect((await generate()).data).toHaveLength(1);
  });

  it('500, 503 and 401 map to the SDK’s error classes', async () => {
    await queue(
      { type: 'status', status: 500 },
      { type: 'status', status: 503, retryAfter: 1 },
      { type: 'status', status: 401 },
    );
    expect(await failure(generate())).toBeInstanceOf(InternalServerError);
    const unavailable = (await failure(generate())) as APIError;
    expect(unavailable.status).toBe(503);
    expect(await failure(generate())).toBeInstanceOf(AuthenticationError);
  });

  it('safety answers the family’s content-policy refusal; quota a 429 insufficient_quota', async () => {
    await queue({ type: 'safety' }, { type: 'safety' }, { type: 'quota' });
    const gpt = (await failure(generate())) as BadRequestError;
    expect(gpt.code).toBe('moderation_blocked');
    const dalle = (await failure(
      engine.client.images.generate({ model: 'dall-e-3', prompt: 'x' }),
    )) as BadRequestError;
    expect(dalle.code).toBe('content_policy_violation');
    const quota = (await failure(generate())) as RateLimitError;
    expect([quota.status, quota.code]).toEqual([429, 'insufficient_quota']);
  });

  it('latency delays the normal answer', async () => {
    await queue({ type: 'latency', ms: 300 });
    const started = performance.now();
    expect((await generate()).data).toHaveLength(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('drop destroys the connection mid-response (JSON and streams)', async () => {
    await queue({ type: 'drop' }, { type: 'drop' });
    // Headers arrive, then the body is cut: the SDK surfaces undici's "terminated".
    const cut = await failure(generate());
    expect(cut).toBeInstanceOf(Error);
    expect(cut).not.toBeInstanceOf(APIError);
    expect(String(cut)).toMatch(/terminated|closed|socket/i);
    const stream = await engine.client.images.generate({
      model: 'gpt-image-1',
      prompt: 'x',
      stream: true,
      partial_images: 2,
      quality: 'low',
    });
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const event of stream) seen.push(event.type);
      })(),
    );
    expect(error).toBeInstanceOf(Error);
    expect(seen).toEqual(['image_generation.partial_image']);
    const log = (await (await hook('/requests')).json()) as LoggedRequest[];
    expect(log.map((e) => e.fault?.type)).toEqual(['drop', 'drop']);
  });

  it('a fault naming an operation waits for that kind of request; downloads are faulted only on request', async () => {
    await queue({ type: 'status', status: 500, operation: 'edit' });
    expect((await generate()).data).toHaveLength(1);
    const edit = engine.client.images.edit({
      model: 'gpt-image-1',
      image: await pngFile(await patternPng(16, 16, { alpha: true })),
      prompt: 'x',
    });
    expect(await failure(edit)).toBeInstanceOf(InternalServerError);

    const result = await engine.client.images.generate({
      model: 'dall-e-2',
      prompt: 'x',
      size: '256x256',
    });
    await queue({ type: 'status', status: 404, operation: 'download' });
    expect((await fetch(result.data![0]!.url!)).status).toBe(404);
    expect((await fetch(result.data![0]!.url!)).status).toBe(200);
  });

  it('refuses malformed faults with a 400', async () => {
    const res = await queue({ type: 'explode' });
    expect(res.status).toBe(400);
  });
});

describe('random faults and the clock', () => {
  it('the same seed gives the same fault sequence', async () => {
    const run = async () => {
      await hook('/faults', { method: 'DELETE' });
      await hook('/faults', {
        method: 'POST',
        body: JSON.stringify({ random: { seed: 42, rates: { '500': 0.3, '429': 0.2 } } }),
      });
      const statuses = [];
      for (let i = 0; i < 12; i++)
        statuses.push(((await failure(generate())) as APIError | null)?.status ?? 200);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(200);
    expect(first.some((s) => s !== 200)).toBe(true);
  });

  it('POST /__engine/clock expires url results', async () => {
    const result = await engine.client.images.generate({
      model: 'dall-e-2',
      prompt: 'x',
      size: '256x256',
    });
    await hook('/clock', { method: 'POST', body: JSON.stringify({ advanceMs: 61 * 60 * 1000 }) });
    expect((await fetch(result.data![0]!.url!)).status).toBe(404);
  });
});
