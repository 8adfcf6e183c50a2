import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImageBytes } from '../../src/api/image-check.ts';
import { startTestEngine, type TestEngine } from './helpers.ts';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

const queue = (fault: object) =>
  fetch(`${engine.url}/__engine/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ queue: [fault] }),
  }).then((r) => expect(r.status).toBe(200));

const bytesOf = (b64: string | undefined) => new Uint8Array(Buffer.from(b64 ?? '', 'base64'));

describe('the bad-bytes fault: a 200 answer whose image is not what it claims', () => {
  it.each([
    ['html', /^a web page \(HTML\)/],
    ['svg', /^an SVG drawing/],
    ['other-format', /^a JPEG, though a PNG was announced$/],
    ['huge-header', /^a PNG claiming 50000×50000 pixels/],
    ['truncated', /^a damaged PNG/],
  ])('%s: the other image is sound, the faulted one is refused', async (kind, problem) => {
    await queue({ type: 'bad-bytes', bytes: kind, image: 1 });
    const answer = await engine.client.images.generate({
      model: 'gpt-image-1',
      prompt: 'a red kite over a ridge',
      size: '1024x1024',
      quality: 'low',
      n: 2,
    });
    expect(answer.output_format).toBe('png');
    const [good, bad] = (answer.data ?? []).map((image) => bytesOf(image.b64_json));
    expect(await checkImageBytes(good!, 'image/png')).toMatchObject({ ok: true, width: 1024 });
    const check = await checkImageBytes(bad!, 'image/png');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toMatch(problem);
  });

  it('damaged-jpeg and jpeg-bad-tables: JPEGs that end properly but no decoder reads', async () => {
    for (const kind of ['damaged-jpeg', 'jpeg-bad-tables']) {
      await queue({ type: 'bad-bytes', bytes: kind, image: 1 });
      const answer = await engine.client.images.generate({
        model: 'dall-e-2',
        prompt: 'a red kite over a ridge',
        size: '256x256',
        n: 2,
        response_format: 'b64_json',
      });
      const [good, bad] = (answer.data ?? []).map((image) => bytesOf(image.b64_json));
      expect(await checkImageBytes(good!, null)).toMatchObject({ ok: true, width: 256 });
      expect([bad![0], bad![1], bad!.at(-2), bad!.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
      await expect(sharp(bad!).raw().toBuffer(), kind).rejects.toThrow();
      // The stray marker is seen in Node; the broken table only by the browser's decode.
      if (kind === 'damaged-jpeg') {
        expect(await checkImageBytes(bad!, null)).toEqual({
          ok: false,
          problem: 'a damaged JPEG: its picture data is damaged (marker FF 08 in the middle of it)',
        });
      }
    }
  });

  it('spoils a streamed image’s completed event too', async () => {
    await queue({ type: 'bad-bytes', bytes: 'html' });
    const stream = await engine.client.images.generate({
      model: 'gpt-image-1',
      prompt: 'a red kite over a ridge',
      size: '1024x1024',
      quality: 'low',
      stream: true,
      partial_images: 1,
    });
    const completed: Uint8Array[] = [];
    for await (const event of stream) {
      if (event.type === 'image_generation.completed') completed.push(bytesOf(event.b64_json));
    }
    expect(completed).toHaveLength(1);
    expect(await checkImageBytes(completed[0]!, 'image/png')).toEqual({
      ok: false,
      problem: 'a web page (HTML), not a picture',
    });
  });
});
