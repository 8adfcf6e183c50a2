import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import type { ErrorContext } from './errors.ts';
import { readImageStream, type PartialImageFrame } from './image-stream.ts';
import { toResultImages, URL_LIFETIME_MS } from './normalize-response.ts';

const ctx: ErrorContext = {
  provider: { kind: 'local', name: 'Local engine', baseUrl: '/v1', apiKey: '' },
  model: 'gpt-image-1',
  operation: 'generate',
};

const png = async (width: number, height: number) =>
  (
    await sharp({ create: { width, height, channels: 4, background: '#123456' } })
      .png()
      .toBuffer()
  ).toString('base64');

/** A streamed 200 answer whose body arrives in the given chunks (split anywhere). */
function sseResponse(chunks: string[], breakAfter = false): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (breakAfter) controller.error(new TypeError('network error'));
      else controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

const event = (type: string, data: object) =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

describe('readImageStream', () => {
  it('hands each partial frame over as it arrives and returns the completed images', async () => {
    const partial = await png(64, 64);
    const final = await png(1024, 1536);
    const common = {
      created_at: 1700000000,
      size: '1024x1536',
      quality: 'low',
      background: 'opaque',
      output_format: 'png',
    };
    const usage = {
      total_tokens: 3,
      input_tokens: 1,
      output_tokens: 2,
      input_tokens_details: { text_tokens: 1, image_tokens: 0 },
    };
    const text =
      event('image_generation.partial_image', {
        ...common,
        b64_json: partial,
        partial_image_index: 0,
      }) +
      event('image_generation.partial_image', {
        ...common,
        b64_json: partial,
        partial_image_index: 1,
      }) +
      event('image_generation.completed', { ...common, b64_json: final, usage });
    // Split mid-event to prove the parser, not the chunking, delimits events.
    const chunks = [text.slice(0, 50), text.slice(50, 3000), text.slice(3000)];
    const frames: PartialImageFrame[] = [];
    const response = await readImageStream(
      sseResponse(chunks),
      ctx,
      new AbortController().signal,
      (f) => frames.push(f),
    );
    expect(frames.map((f) => [f.partialIndex, f.imageIndex, f.image.type])).toEqual([
      [0, 0, 'image/png'],
      [1, 0, 'image/png'],
    ]);
    expect(response.data).toEqual([{ b64_json: final }]);
    expect(response.usage).toEqual(usage);
    expect(response.created).toBe(1700000000);
    const {
      images: [image],
    } = await toResultImages(response, ctx, {}, new AbortController().signal);
    expect([image?.width, image?.height, image?.bytes?.type]).toEqual([1024, 1536, 'image/png']);
  });

  it('streams n=2 as two images in turn, each frame tagged with the image it previews', async () => {
    const [first, second] = [await png(32, 32), await png(48, 48)];
    const common = {
      created_at: 1700000001,
      size: '1024x1024',
      quality: 'low',
      background: 'auto',
      output_format: 'png',
    };
    const text =
      event('image_generation.partial_image', {
        ...common,
        b64_json: first,
        partial_image_index: 0,
      }) +
      event('image_generation.completed', { ...common, b64_json: first }) +
      event('image_generation.partial_image', {
        ...common,
        b64_json: second,
        partial_image_index: 0,
      }) +
      event('image_generation.partial_image', {
        ...common,
        b64_json: second,
        partial_image_index: 1,
      }) +
      event('image_generation.completed', { ...common, b64_json: second });
    const frames: PartialImageFrame[] = [];
    const response = await readImageStream(
      sseResponse([text]),
      ctx,
      new AbortController().signal,
      (f) => frames.push(f),
    );
    expect(frames.map((f) => [f.imageIndex, f.partialIndex])).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(response.data).toEqual([{ b64_json: first }, { b64_json: second }]);
  });

  it('reports a connection that breaks mid-stream as dropped, not as success', async () => {
    const partial = await png(8, 8);
    const chunks = [
      event('image_generation.partial_image', {
        b64_json: partial,
        partial_image_index: 0,
        output_format: 'png',
      }),
    ];
    await expect(
      readImageStream(sseResponse(chunks, true), ctx, new AbortController().signal),
    ).rejects.toMatchObject({ kind: 'network', title: expect.stringMatching(/dropped/) });
  });

  it('reports a stream that ends without a completed image as dropped', async () => {
    await expect(
      readImageStream(sseResponse([': keep-alive\n\n']), ctx, new AbortController().signal),
    ).rejects.toMatchObject({
      kind: 'network',
    });
  });

  it('turns an error event inside a 200 stream into the mapped error', async () => {
    const chunks = [
      `event: error\ndata: ${JSON.stringify({ error: { message: 'Your request was rejected by the safety system.', code: 'moderation_blocked' } })}\n\n`,
    ];
    await expect(
      readImageStream(sseResponse(chunks), ctx, new AbortController().signal),
    ).rejects.toMatchObject({
      kind: 'safety',
    });
  });
});

describe('toResultImages', () => {
  const jpeg = async () =>
    (
      await sharp({ create: { width: 32, height: 16, channels: 3, background: '#fff' } })
        .jpeg()
        .toBuffer()
    ).toString('base64');
  const html = Buffer.from('<!DOCTYPE html><html><body>Bad gateway</body></html>').toString(
    'base64',
  );

  it('decodes b64_json to a Blob of the bytes’ own type when no format was announced', async () => {
    const {
      images: [image],
    } = await toResultImages(
      { created: 1, data: [{ b64_json: await jpeg(), revised_prompt: 'a lighthouse, at dusk' }] },
      ctx,
      {},
      new AbortController().signal,
    );
    expect(image).toMatchObject({ width: 32, height: 16, revisedPrompt: 'a lighthouse, at dusk' });
    expect(image?.bytes?.type).toBe('image/jpeg');
  });

  it('refuses bytes of another type than the answer’s output_format, naming the provider', async () => {
    await expect(
      toResultImages(
        { created: 1, data: [{ b64_json: await jpeg() }], output_format: 'png' },
        ctx,
        {},
        new AbortController().signal,
      ),
    ).rejects.toMatchObject({
      kind: 'invalid_response',
      title: 'Local engine sent an image Easel cannot use.',
      detail: 'The image was a JPEG, though a PNG was announced.',
      forward: { action: 'try-again' },
    });
  });

  it('keeps the good images of an answer and names the refused one', async () => {
    const good = await png(64, 64);
    const { images, refused } = await toResultImages(
      { created: 1, data: [{ b64_json: good }, { b64_json: html }, { b64_json: good }] },
      ctx,
      {},
      new AbortController().signal,
    );
    expect(images).toHaveLength(2);
    expect(images.every((image) => image.bytes?.type === 'image/png')).toBe(true);
    expect(refused).toEqual([{ index: 1, problem: 'a web page (HTML), not a picture' }]);
  });

  it('fetches a url result at once and keeps the bytes', async () => {
    const b64 = await png(256, 256);
    // A data: link is no longer accepted (only http(s), see result-url.ts): the host answers
    // through a fetch spy instead, with a content type that says nothing.
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(Buffer.from(b64, 'base64'), {
        headers: { 'content-type': 'application/octet-stream' },
      }),
    );
    const {
      images: [image],
    } = await toResultImages(
      { created: 1, data: [{ url: 'http://127.0.0.1:9/result.png' }] },
      ctx,
      { size: '256x256' },
      new AbortController().signal,
    );
    expect(fetchSpy).toHaveBeenCalledWith('http://127.0.0.1:9/result.png', expect.anything());
    fetchSpy.mockRestore();
    expect(image?.remote).toBeUndefined();
    expect(image?.bytes?.type).toBe('image/png');
    expect(image?.bytes?.size).toBe(Buffer.from(b64, 'base64').length);
  });

  it('keeps the link, its expiry (created + 60 min) and the reason when the url cannot be fetched', async () => {
    const url = 'http://127.0.0.1:9/img.png'; // the discard port: connection refused at once
    const {
      images: [image],
    } = await toResultImages(
      { created: 1_700_000_000, data: [{ url }] },
      ctx,
      { size: '512x512' },
      new AbortController().signal,
    );
    expect(image?.bytes).toBeNull();
    expect(image?.remote).toEqual({
      url,
      expiresAt: 1_700_000_000_000 + URL_LIFETIME_MS,
      reason: expect.stringMatching(/CORS/),
    });
    expect([image?.width, image?.height]).toEqual([512, 512]);
  });

  it('refuses an answer without images', async () => {
    await expect(
      toResultImages({ created: 1, data: [] }, ctx, {}, new AbortController().signal),
    ).rejects.toMatchObject({
      kind: 'invalid_response',
    });
  });
});
