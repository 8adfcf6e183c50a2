import type { ImagesResponse } from 'openai/resources/images';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorContext } from './errors.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNGSUITE_DIR } from '../../fixtures/pngsuite.ts';

const SMALL_PNG = join(PNGSUITE_DIR, 'basn0g01.png');

const provider = {
  kind: 'compatible' as const,
  name: 'Images server',
  baseUrl: 'https://images.example.com/v1',
  apiKey: 'sk-test-key-0123456789',
};
const ctx: ErrorContext = { provider, model: 'dall-e-2', operation: 'generate' };
const answer = (url: string): ImagesResponse => ({ created: 1_750_000_000, data: [{ url }] });

/**
 * normalize-response.ts with a page whose policy allows the studio and the provider, as
 * public/content-security-policy.js writes it; `fetch` is a spy so a test can see that a
 * refused link is never even requested.
 */
async function loadWithPolicy() {
  vi.resetModules();
  vi.stubGlobal('location', new URL('http://127.0.0.1:5173/'));
  vi.stubGlobal('document', {
    querySelector: () => ({
      content: "default-src 'none'; connect-src 'self' https://images.example.com",
    }),
  });
  const fetchSpy = vi.fn(async () => new Response(readFileSync(SMALL_PNG), { status: 200 }));
  vi.stubGlobal('fetch', fetchSpy);
  const { toResultImages } = await import('./normalize-response.ts');
  const run = (url: string) =>
    toResultImages(answer(url), ctx, { size: '256x256' }, new AbortController().signal);
  return { run, fetchSpy };
}

afterEach(() => vi.unstubAllGlobals());

describe('toResultImages: url results', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://images.example.com/0b7c',
    '/v1/images/files/relative.png',
  ])('refuses the link %j as an unreadable answer, without fetching it', async (url) => {
    const { run, fetchSpy } = await loadWithPolicy();
    await expect(run(url)).rejects.toMatchObject({
      kind: 'invalid_response',
      detail: expect.stringMatching(/not an http or https address/),
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('keeps a link on a host the page may not connect to, without trying to fetch it', async () => {
    const { run, fetchSpy } = await loadWithPolicy();
    const {
      images: [image],
    } = await run('https://cdn.elsewhere.example/img/1.png?sig=abc');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(image?.bytes).toBeNull();
    expect(image?.remote?.url).toBe('https://cdn.elsewhere.example/img/1.png?sig=abc');
    expect(image?.remote?.reason).toMatch(
      /on cdn\.elsewhere\.example, and Easel connects only to itself and your providers/,
    );
  });

  it('fetches a link on the provider’s own host, with its key', async () => {
    const { run, fetchSpy } = await loadWithPolicy();
    const { images } = await run('https://images.example.com/files/1.png');
    expect(images[0]?.bytes?.type).toBe('image/png');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://images.example.com/files/1.png');
    expect(init.headers).toEqual({ Authorization: `Bearer ${provider.apiKey}` });
  });
});

describe('toResultImages: b64_json results', () => {
  const b64 = (file: string): ImagesResponse => ({
    created: 1_750_000_000,
    data: [{ b64_json: readFileSync(join(PNGSUITE_DIR, file)).toString('base64') }],
  });
  const run = async (file: string) => {
    const { toResultImages } = await import('./normalize-response.ts');
    return toResultImages(b64(file), ctx, { size: '256x256' }, new AbortController().signal);
  };

  it('says a picture without an alpha channel is opaque, so its tile needs no checkerboard', async () => {
    const [truecolour] = (await run('basn2c08.png')).images;
    expect(truecolour).toMatchObject({ width: 32, height: 32, opaque: true });
    const [withAlpha] = (await run('basn6a08.png')).images;
    expect(withAlpha).toMatchObject({ width: 32, height: 32 });
    expect(withAlpha!.opaque).toBeUndefined();
  });
});
