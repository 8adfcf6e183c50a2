/**
 * Foreign web pages cannot drive the engine: a browser lets any page send a "simple" multipart
 * POST without a preflight, so the engine refuses every request whose Origin it was not told
 * to allow — alone (only --cors-origin origins, `'*'` only where asked) and inside Vite as
 * `npm start` and `npm run dev` serve it (only the studio's own page, plus opt-ins). Alone, it
 * answers only to Host names DNS rebinding cannot reach, as Vite does; and inside Vite an
 * encoded path under /v1 is the engine's 404, never a file of the studio.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STUDIO_ORIGIN, startEngine, type StartedEngine } from '../../e2e/fixtures/engine.ts';
import { isOpenAiError, rawRequest } from './helpers.ts';

const EVIL = 'http://evil.test';

/** A simple (preflight-free) multipart generation, as a foreign page's form or fetch sends it. */
function simplePost(base: string, headers: Record<string, string>) {
  const form = new FormData();
  form.set('model', 'dall-e-2');
  form.set('prompt', 'a stolen lighthouse');
  form.set('size', '256x256');
  form.set('response_format', 'url');
  return fetch(`${base}/v1/images/generations`, { method: 'POST', body: form, headers });
}

async function requestCount(base: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/__engine/requests`, { headers });
  return ((await res.json()) as unknown[]).length;
}

describe('the standalone engine', () => {
  let engine: StartedEngine;
  let open: StartedEngine;
  beforeAll(async () => {
    // The fixture allows the e2e studio's origin (--cors-origin STUDIO_ORIGIN); nothing else.
    [engine, open] = await Promise.all([
      startEngine(['--faults', '--allowed-host', 'studio.lan']),
      startEngine(['--cors-origin', '*']),
    ]);
  });
  afterAll(() => Promise.all([engine.stop(), open.stop()]));

  it('refuses a simple POST from a page it was not told about, before doing any work', async () => {
    const before = await requestCount(engine.url);
    const res = await simplePost(engine.url, { origin: EVIL });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const text = await res.text();
    expect(isOpenAiError(text)).toBe(true);
    expect(text).toContain('--cors-origin');
    expect(await requestCount(engine.url)).toBe(before);
  });

  it('refuses that page’s preflights and url-result downloads too', async () => {
    const ok = await simplePost(engine.url, {});
    const { data } = (await ok.json()) as { data: { url: string }[] };
    const image = await fetch(data[0]!.url, { headers: { origin: EVIL } });
    expect(image.status).toBe(403);
    expect(image.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${engine.url}/v1/images/generations`, {
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.ok).toBe(false);
  });

  it('answers an allowed page with its own origin, and a client without Origin (the SDK) plainly', async () => {
    const allowed = await simplePost(engine.url, { origin: STUDIO_ORIGIN });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(STUDIO_ORIGIN);
    expect(allowed.headers.get('vary')).toMatch(/origin/i);
    const sdk = await simplePost(engine.url, {});
    expect(sdk.status).toBe(200);
    expect(sdk.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets any page in only where asked (--cors-origin *)', async () => {
    const res = await simplePost(open.url, { origin: EVIL });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('checks Host as Vite does: a rebound name is refused, and never written into url results', async () => {
    const port = new URL(engine.url).port;
    const target = '/v1/images/generations';
    const body = JSON.stringify({ model: 'dall-e-2', prompt: 'x', size: '256x256' });
    const send = (host: string) =>
      rawRequest(engine.url, (socket) => {
        socket.write(
          `POST ${target} HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/json\r\n` +
            `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
      });
    const rebound = await send(`attacker.example:${port}`);
    expect(rebound.status).toBe(403);
    expect(isOpenAiError(rebound.body)).toBe(true);
    expect(rebound.body.toString()).not.toContain('files/');
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `studio.lan:${port}`]) {
      const answer = await send(host);
      expect(answer.status, host).toBe(200);
      const { data } = JSON.parse(answer.body.toString()) as { data: { url: string }[] };
      expect(new URL(data[0]!.url).host).toBe(host);
    }
  });
});

describe('inside Vite (npm run dev, npm start)', () => {
  let vite: ViteDevServer;
  let base: string;
  beforeAll(async () => {
    vite = await createServer({
      configFile: 'vite.config.ts',
      logLevel: 'silent',
      server: { port: 0, strictPort: false, hmr: false },
    });
    await vite.listen();
    base = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`;
  });
  afterAll(() => vite.close());

  it('lets the studio’s own page call the engine and refuses every other page', async () => {
    const own = await simplePost(base, { origin: base });
    expect(own.status).toBe(200);
    const foreign = await simplePost(base, { origin: EVIL });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const other = await simplePost(base, { origin: 'http://127.0.0.1:1' });
    expect(other.status).toBe(403);
  });

  it('answers an encoded path under /v1 with the engine’s 404, never the studio’s page', async () => {
    for (const target of [
      '/v1%2f..%2findex.html',
      '/v1%2F..%2Findex.html',
      '/v1%5c..%5cindex.html',
    ]) {
      const res = await fetch(`${base}${target}`);
      expect(res.status, target).toBe(404);
      const text = await res.text();
      expect(isOpenAiError(text), target).toBe(true);
      expect(text).not.toContain('<html');
    }
  });

  it('refuses to be framed by another site', async () => {
    const res = await fetch(`${base}/`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
