/**
 * The engine under attack, as a separate process (so a crash or its memory shows): the API
 * key on every route, unguessable url ids, no path traversal, loopback-only binding, early
 * refusal of oversized uploads with bounded memory, and a log that never shows the key.
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STUDIO_ORIGIN, startEngine, type StartedEngine } from '../../e2e/fixtures/engine.ts';
import { head, isOpenAiError, memoryOf, rawRequest } from './helpers.ts';

const KEY = 'sk-security-test-key-5b1e9c';
const WRONG = 'sk-wrong-guess-key-000000';
const auth = { authorization: `Bearer ${KEY}` };

let engine: StartedEngine;
/** A url result the engine really serves, to aim traversal attempts at. */
let imageUrl: string;
let imageId: string;

beforeAll(async () => {
  engine = await startEngine(['--api-key', KEY, '--faults']);
  const res = await fetch(`${engine.url}/v1/images/generations`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'dall-e-2', prompt: 'a lighthouse', size: '256x256', n: 4 }),
  });
  const { data } = (await res.json()) as { data: { url: string }[] };
  imageUrl = data[0]!.url;
  imageId = /files\/([^/]+)\.png$/.exec(imageUrl)![1]!;
});
afterAll(() => engine.stop());

const api = (path: string) => `${engine.url}${path}`;

describe('--api-key is enforced on every route', () => {
  const routes: [string, string, string?][] = [
    ['GET', '/'],
    ['GET', '/v1/models'],
    ['POST', '/v1/images/generations', '{"model":"dall-e-2","prompt":"x"}'],
    ['POST', '/v1/images/edits'],
    ['POST', '/v1/images/variations'],
    ['GET', '/v1/images/files/IMAGE'],
    ['HEAD', '/v1/images/files/IMAGE'],
    ['GET', '/v1/images/files/unknown.png'],
    ['GET', '/__engine/requests'],
    ['DELETE', '/__engine/requests'],
    ['GET', '/__engine/requests/req_x/files/0'],
    ['POST', '/__engine/faults', '{"queue":[{"type":"drop"}]}'],
    ['DELETE', '/__engine/faults'],
    ['POST', '/__engine/clock', '{"advanceMs":7200000}'],
    ['GET', '/nothing/here'],
  ];
  for (const [method, template, body] of routes) {
    it(`${method} ${template}: 401 without the key and with a wrong one`, async () => {
      const path = template.replace('IMAGE', `${imageId}.png`);
      const attempts: Record<string, string>[] = [
        {},
        { authorization: `Bearer ${WRONG}` },
        { 'api-key': KEY },
      ];
      for (const headers of attempts) {
        const res = await fetch(api(path), {
          method,
          headers: { ...headers, 'content-type': 'application/json' },
          body,
        });
        expect(res.status).toBe(401);
        if (method !== 'HEAD') {
          const text = await res.text();
          expect(isOpenAiError(text)).toBe(true);
          // A wrong key is never echoed, not even in part.
          expect(text).not.toContain(WRONG.slice(-4));
        }
      }
    });
  }

  it('nothing sent without the key took effect, and the right key opens every route', async () => {
    // The refused POST /__engine/faults queued nothing; the refused clock move did not expire the image.
    const faults = await fetch(api('/__engine/faults'), { headers: auth });
    expect(faults.status).toBe(200);
    expect(await faults.json()).toMatchObject({ queue: [] });
    const image = await fetch(imageUrl, { headers: auth });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await fetch(api('/v1/models'), { headers: auth })).status).toBe(200);
    expect((await fetch(api('/__engine/requests'), { headers: auth })).status).toBe(200);
  });

  it('CORS preflights (which browsers send without credentials) pass, and reveal nothing', async () => {
    const res = await fetch(imageUrl, {
      method: 'OPTIONS',
      headers: {
        origin: STUDIO_ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });
});

describe('served image ids', () => {
  it('are 192 random bits (32 base64url characters), all different', async () => {
    const res = await fetch(api('/v1/images/generations'), {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'dall-e-2', prompt: 'a lighthouse', size: '256x256', n: 10 }),
    });
    const { data } = (await res.json()) as { data: { url: string }[] };
    const ids = data.map((d) => /\/v1\/images\/files\/([^/]+)\.png$/.exec(d.url)?.[1]);
    expect(new Set([...ids, imageId]).size).toBe(11);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // Same request, same picture: the id does not derive from the content or the request.
    const again = await fetch(api('/v1/images/generations'), {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'dall-e-2', prompt: 'a lighthouse', size: '256x256', n: 4 }),
    });
    const second = ((await again.json()) as { data: { url: string }[] }).data[0]!.url;
    expect(second).not.toBe(imageUrl);
  });

  it('a near-miss id, or the id without its .png, finds nothing', async () => {
    const flipped = imageId.slice(0, -1) + (imageId.endsWith('A') ? 'B' : 'A');
    for (const path of [`${flipped}.png`, imageId, `${imageId}.PNG`, `${imageId}.png.png`]) {
      const res = await fetch(api(`/v1/images/files/${path}`), { headers: auth });
      expect(res.status, path).toBe(404);
      expect(isOpenAiError(await res.text())).toBe(true);
    }
  });
});

describe('no path traversal on any route', () => {
  const targets = () => [
    '/v1/images/files/../../../../etc/passwd',
    '/v1/images/files/..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/v1/images/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/v1/images/files/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/v1/images/files/..\\..\\..\\etc\\passwd',
    '/v1/images/files/%5c..%5c..%5cetc%5cpasswd',
    '//etc/passwd',
    '/v1//images/files/' + `${imageId}.png`,
    '/v1/images/files//' + `${imageId}.png`,
    '/v1/images/files/./' + `${imageId}.png`,
    '/v1/images/files/x/../' + `${imageId}.png`,
    '/v1/images/generations/../files/' + `${imageId}.png`,
    '/v1/images/files/' + `${imageId}.png%00.txt`,
    '/v1/images/files/' + `${imageId}%00.png`,
    '/v1/images/files/%00',
    '/v1/images/files/' + `${imageId}.png/..`,
    '/v1/images/files/' + `${imageId}.png/.`,
    '/v1/%2e%2e/v1/images/files/' + `${imageId}.png`,
    '/v1/images/files\\' + `${imageId}.png`,
    '/__engine/requests/../faults',
    '/__engine/requests/..%2ffaults',
    '/v1/../__engine/requests',
    '/v1/images/../../../../../../proc/self/environ',
  ];

  it('dot segments, encoded dots and slashes, doubled slashes and backslashes → 404, never a file', async () => {
    for (const target of targets()) {
      for (const method of ['GET', 'POST']) {
        const answer = await rawRequest(engine.url, (socket) =>
          socket.write(head(method, target, { ...auth, 'content-length': 0, connection: 'close' })),
        );
        expect(answer.status, `${method} ${target}`).toBe(404);
        expect(answer.headers['content-type'], target).toMatch(/^application\/json/);
        expect(isOpenAiError(answer.body), target).toBe(true);
        const text = answer.body.toString('latin1');
        expect(text).not.toMatch(/root:|PATH=|\x89PNG/);
      }
    }
    // POSTs aimed at /__engine/faults by a detour queued nothing.
    const faults = await fetch(api('/__engine/faults'), { headers: auth });
    expect(await faults.json()).toMatchObject({ queue: [] });
  });

  it('a raw NUL or control character in the request line is refused by the parser, in the same error format', async () => {
    for (const target of [`/v1/images/files/${imageId}.png\0`, '/v1/images/\x01files', '/\0']) {
      const answer = await rawRequest(engine.url, (socket) =>
        socket.write(head('GET', target, { ...auth, connection: 'close' })),
      );
      expect(answer.status, JSON.stringify(target)).toBe(400);
      expect(isOpenAiError(answer.body)).toBe(true);
    }
    // And the engine still serves the real spelling.
    expect((await fetch(imageUrl, { headers: auth })).status).toBe(200);
  });
});

describe('binding', () => {
  it('listens on 127.0.0.1 only by default', async () => {
    const port = Number(new URL(engine.url).port);
    expect(new URL(engine.url).hostname).toBe('127.0.0.1');
    // Every listening socket on that port, from the kernel's own table.
    const listening = (file: string) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        .filter((f) => f[3] === '0A' && Number.parseInt(f[1]?.split(':')[1] ?? '', 16) === port)
        .map((f) => f[1]!.split(':')[0]);
    expect(listening('/proc/net/tcp')).toEqual(['0100007F']);
    expect(listening('/proc/net/tcp6')).toEqual([]);
    // And from outside loopback, nothing answers.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (external) {
      const error = await new Promise<string>((resolve) => {
        const socket = connect(port, external);
        socket.on('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(error).toBe('ECONNREFUSED');
    }
  });
});

describe('one client cannot exhaust memory', () => {
  // Without --faults, as users run it (the test hooks keep uploads for inspection).
  let engine: StartedEngine;
  beforeAll(async () => {
    engine = await startEngine([], { EASEL_ENGINE_API_KEY: KEY });
  });
  afterAll(() => engine.stop());

  it('oversized uploads are refused before their body is read, even while every work slot is busy', async () => {
    // Hold both work slots with uploads that never finish (chunked, no length declared).
    const holders: Socket[] = [];
    let holdsEnded = 0;
    const hold = [0, 1].map(() =>
      rawRequest(
        engine.url,
        (socket) => {
          holders.push(socket);
          socket.write(
            head('POST', '/v1/images/edits', {
              ...auth,
              'content-type': 'multipart/form-data; boundary=X',
              'transfer-encoding': 'chunked',
            }),
          );
          socket.write('5\r\n--X\r\n\r\n');
          // Keep trickling above the engine's minimum body rate, so only this test ends them.
          const chunk = Buffer.alloc(8 * 1024, 0x41);
          const timer = setInterval(
            () => socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`),
            250,
          );
          socket.on('close', () => clearInterval(timer));
        },
        HOLD_MS,
      ).finally(() => holdsEnded++),
    );
    await new Promise((r) => setTimeout(r, 300));
    const before = memoryOf(engine.pid);
    const oversized = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        rawRequest(engine.url, (socket) => {
          socket.write(
            head('POST', i % 2 ? '/v1/images/edits' : '/v1/images/generations', {
              ...auth,
              'content-type':
                i % 2 ? 'multipart/form-data; boundary=X' : 'application/json; charset=utf-8',
              'content-length': 2 * 1024 ** 3,
            }),
          );
          // The first megabyte only: the answer must come without the rest.
          socket.write(Buffer.alloc(1024 * 1024, 0x41));
        }),
      ),
    );
    for (const answer of oversized) {
      expect(answer.status, answer.body.toString().slice(0, 300)).toBe(413);
      expect(isOpenAiError(answer.body)).toBe(true);
    }
    // Answered while both held uploads were still open: a causal check rather than a
    // stopwatch, so a loaded machine cannot fail it (the engine ends such a trickle itself
    // after its minimum-rate grace, long after 40 refusals on any machine).
    expect(holdsEnded).toBe(0);
    const after = memoryOf(engine.pid);
    expect(after.rss - before.rss).toBeLessThan(64 * 1024 * 1024);
    for (const socket of holders) socket.destroy();
    await Promise.all(hold);
  });

  it('many large uploads at once are read two at a time: memory stays bounded, each gets its answer', async () => {
    const files = 16;
    const fileBytes = 24 * 1024 * 1024;
    const before = memoryOf(engine.pid);
    const garbage = Buffer.alloc(fileBytes, 0x5a);
    const answers = await Promise.all(
      Array.from({ length: files }, (_, i) =>
        rawRequest(
          engine.url,
          (socket) => {
            socket.write(
              head('POST', '/v1/images/edits', {
                ...auth,
                'content-type': 'multipart/form-data; boundary=XYZ',
                'transfer-encoding': 'chunked',
              }),
            );
            const body = Buffer.concat([
              Buffer.from(
                '--XYZ\r\nContent-Disposition: form-data; name="prompt"\r\n\r\nbig\r\n' +
                  '--XYZ\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\n' +
                  'Content-Type: image/png\r\n\r\n',
              ),
              // A PNG signature (or nothing), then megabytes that are not image data.
              i % 2 ? PNG_SIGNATURE : Buffer.alloc(0),
              garbage,
              Buffer.from('\r\n--XYZ--\r\n'),
            ]);
            socket.write(`${body.length.toString(16)}\r\n`);
            socket.write(body);
            socket.write('\r\n0\r\n\r\n');
          },
          60_000,
        ),
      ),
    );
    for (const answer of answers) {
      expect(answer.status, answer.body.toString().slice(0, 300)).toBe(400);
      expect(isOpenAiError(answer.body)).toBe(true);
    }
    const after = memoryOf(engine.pid);
    // All at once would hold 16 x 24 MB (384 MB) of bodies, twice over while parsing.
    const ceiling = 200 * 1024 * 1024;
    console.log(
      `[security] ${files} concurrent ${fileBytes / 1024 / 1024} MB uploads: RSS ${mb(before.rss)} → ${mb(after.rss)}, peak ${mb(before.peak)} → ${mb(after.peak)}`,
    );
    expect(after.peak - before.rss).toBeLessThan(ceiling);
    expect(engine.alive()).toBe(true);
  });
});

describe('decoding stays bounded', () => {
  let engine: StartedEngine;
  beforeAll(async () => {
    engine = await startEngine(['--api-key', KEY]);
  });
  afterAll(() => engine.stop());

  it('an edit with fifteen 25-megapixel reference images never holds them all as pixels', async () => {
    // Small files (one colour), 100 MB each as RGBA: 1.5 GB if all were decoded at once.
    const big = await sharp({
      create: { width: 5000, height: 5000, channels: 3, background: '#3366cc' },
    })
      .png()
      .toBuffer();
    const first = await sharp({
      create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const form = new FormData();
    for (const [k, v] of Object.entries({ model: 'gpt-image-1', prompt: 'x', quality: 'low' }))
      form.set(k, v);
    form.append('image[]', new Blob([new Uint8Array(first)], { type: 'image/png' }), 'a.png');
    for (let i = 0; i < 15; i++)
      form.append('image[]', new Blob([new Uint8Array(big)], { type: 'image/png' }), `r${i}.png`);
    const before = memoryOf(engine.pid);
    const res = await fetch(`${engine.url}/v1/images/edits`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    expect(res.status).toBe(200);
    const after = memoryOf(engine.pid);
    console.log(
      `[security] edit with 15 x 25 MP references: peak ${mb(before.peak)} → ${mb(after.peak)}`,
    );
    expect(after.peak - before.rss).toBeLessThan(400 * 1024 * 1024);
  });
});

describe('the log', () => {
  it('never shows the key or an Authorization header', async () => {
    // A last mix: right key, wrong key, key in the query string of a bad URL.
    await fetch(api(`/v1/models?key=${KEY}`), { headers: { authorization: `Bearer ${WRONG}` } });
    await fetch(api('/v1/images/nowhere'), { headers: auth, method: 'POST', body: 'x' });
    await new Promise((r) => setTimeout(r, 200));
    const output = engine.output();
    expect(output).toContain('Listening on');
    expect(output).not.toContain(KEY);
    expect(output).not.toContain(WRONG);
    expect(output).not.toMatch(/authorization\s*:|bearer\s+sk-/i);
  });
});

const HOLD_MS = 60_000;
const PNG_SIGNATURE = Buffer.from('89504e470d0a1a0a', 'hex');
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
