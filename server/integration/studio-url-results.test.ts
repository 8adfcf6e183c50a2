/**
 * The studio's API layer (src/api) against an engine that enforces --api-key on its image
 * URLs: url results arrive as bytes because the key goes along to the provider's own origin,
 * and a url on any other host is fetched without it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorContext } from '../../src/api/errors.ts';
import { generateImages } from '../../src/api/generate-images.ts';
import { toResultImages } from '../../src/api/normalize-response.ts';
import type { Provider } from '../../src/api/provider.ts';
import { listenEngine, type RunningEngine } from '../listen.ts';
import { patternPng } from './helpers.ts';

const KEY = 'sk-studio-url-key-4821';

let engine: RunningEngine;
/** Another origin serving an image, recording the headers of every request it gets. */
let imageHost: { server: Server; url: string; seen: IncomingHttpHeaders[] };

beforeAll(async () => {
  engine = await listenEngine({ apiKey: KEY });
  const png = await patternPng(32, 32);
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    res.end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  imageHost = { server, url: `http://127.0.0.1:${port}`, seen };
});
afterAll(async () => {
  await engine.close();
  await new Promise((resolve) => imageHost.server.close(resolve));
});

const providerAt = (baseUrl: string): Provider => ({
  kind: 'compatible',
  name: 'Keyed engine',
  baseUrl,
  apiKey: KEY,
});

describe('url results with a key-enforcing provider', () => {
  it('a generation’s url result is downloaded with the key: bytes, not just a link', async () => {
    const result = await generateImages(
      providerAt(`${engine.url}/v1`),
      { model: 'dall-e-2', prompt: 'a kite', size: '256x256', response_format: 'url' },
      { signal: new AbortController().signal },
    );
    const [image] = result.images;
    expect(image?.remote).toBeUndefined();
    expect(image?.bytes?.type).toBe('image/png');
    expect([image?.width, image?.height]).toEqual([256, 256]);
  });

  it('a url on another origin never gets the key; one on the provider’s origin does', async () => {
    const ctx = (provider: Provider): ErrorContext => ({
      provider,
      model: 'dall-e-2',
      operation: 'generate',
    });
    const signal = new AbortController().signal;
    const response = { created: 1, data: [{ url: `${imageHost.url}/img.png` }] };

    const {
      images: [elsewhere],
    } = await toResultImages(response, ctx(providerAt(`${engine.url}/v1`)), {}, signal);
    expect(elsewhere?.bytes).not.toBeNull();
    expect(imageHost.seen.at(-1)?.authorization).toBeUndefined();
    expect(JSON.stringify(imageHost.seen.at(-1))).not.toContain(KEY);

    await toResultImages(response, ctx(providerAt(`${imageHost.url}/v1`)), {}, signal);
    expect(imageHost.seen.at(-1)?.authorization).toBe(`Bearer ${KEY}`);
  });
});
