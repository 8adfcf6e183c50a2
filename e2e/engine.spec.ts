import { expect, test } from '@playwright/test';
import { startEngine, type StartedEngine } from './fixtures/engine.ts';

// The engine as a cross-origin provider in a real browser: CORS preflights with the SDK's
// headers, auth errors the page can read, and url results that need the key like every
// other route: an <img> (which cannot send it) is refused, a fetch with the key gets the image.
let engine: StartedEngine;
test.beforeAll(async () => {
  engine = await startEngine(['--api-key', 'sk-e2e-key-123456']);
});
test.afterAll(() => engine.stop());

test('a page on another origin can call the engine with the SDK’s headers and read its errors', async ({
  page,
}) => {
  // Any document of the studio's origin will do, but not the studio itself: its
  // Content-Security-Policy lets it reach only its configured providers.
  await page.goto('/favicon.svg');
  const outcome = await page.evaluate(async (url) => {
    const call = (key: string) =>
      fetch(`${url}/v1/images/generations`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'x-stainless-os': 'Linux',
          'x-stainless-retry-count': '0',
        },
        body: JSON.stringify({ model: 'dall-e-2', prompt: 'a kite', size: '256x256' }),
      });
    const wrong = await call('sk-wrong');
    const wrongBody = await wrong.json();
    const right = await call('sk-e2e-key-123456');
    const { data } = await right.json();
    const imageUrl: string = data[0].url;

    // A plain <img> cannot send the key: the engine refuses it.
    const img = new Image();
    img.src = imageUrl;
    const imgLoaded = await img.decode().then(
      () => true,
      () => false,
    );
    // Without the key, the refusal is readable; with it, the bytes decode to the picture.
    const keyless = await fetch(imageUrl);
    const keylessBody = await keyless.json();
    const keyed = await fetch(imageUrl, {
      headers: { authorization: 'Bearer sk-e2e-key-123456' },
    });
    const bitmap = await createImageBitmap(await keyed.blob());
    return {
      wrongStatus: wrong.status,
      wrongCode: wrongBody.error.code,
      requestId: right.headers.get('x-request-id'),
      imgLoaded,
      keylessStatus: keyless.status,
      keylessMessage: keylessBody.error.message,
      keyedStatus: keyed.status,
      imageWidth: bitmap.width,
    };
  }, engine.url);
  expect(outcome.wrongStatus).toBe(401);
  expect(outcome.wrongCode).toBe('invalid_api_key');
  expect(outcome.requestId).toMatch(/^req_/);
  expect(outcome.imgLoaded).toBe(false);
  expect(outcome.keylessStatus).toBe(401);
  expect(outcome.keylessMessage).toMatch(/API key/);
  expect(outcome.keyedStatus).toBe(200);
  expect(outcome.imageWidth).toBe(256);
});
