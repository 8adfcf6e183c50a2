import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuiltRequest } from './build-request.ts';
import type { ErrorContext } from './errors.ts';
import { sendImagesRequest } from './transport.ts';

/**
 * The answer's declared length reaches `onAnswerHeaders` as soon as its headers are in,
 * while the body is still coming: what must be ready before the save (its room probe) starts
 * beside the download instead of after it. A real server on a loopback port holds the body's
 * second half back until the length has been handed over.
 */
const ctx: ErrorContext = {
  provider: { kind: 'local', name: 'Local engine', baseUrl: '/v1', apiKey: '' },
  model: 'gpt-image-1',
  operation: 'generate',
};
let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

function serve(body: string, declare: boolean, secondHalf: Promise<void>): Promise<string> {
  return new Promise((resolve) => {
    server = createServer((_, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(declare ? { 'content-length': Buffer.byteLength(body) } : {}),
      });
      const half = Math.floor(body.length / 2);
      res.write(body.slice(0, half));
      void secondHalf.then(() => res.end(body.slice(half)));
    });
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1/images/generations`),
    );
  });
}

const request = (url: string): BuiltRequest => ({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{}',
  stream: false,
  sent: { model: 'gpt-image-1', prompt: 'a kite' },
});

describe('sendImagesRequest: the answer headers', () => {
  it('hands over the declared length before the body has ended', async () => {
    const body = JSON.stringify({ created: 1, data: [{ b64_json: 'A'.repeat(200_000) }] });
    let release!: () => void;
    const url = await serve(body, true, new Promise<void>((r) => (release = r)));
    const declared: number[] = [];
    const answer = sendImagesRequest(request(url), ctx, {
      signal: new AbortController().signal,
      onAnswerHeaders: (bytes) => {
        declared.push(bytes);
        release();
      },
    });
    // Were the length only handed over with the whole body, the body would never end.
    await expect(answer).resolves.toMatchObject({ body: { created: 1 } });
    expect(declared).toEqual([Buffer.byteLength(body)]);
  });

  it('says nothing when the answer declares no length', async () => {
    const body = JSON.stringify({ created: 1, data: [{ b64_json: 'AAAA' }] });
    const url = await serve(body, false, Promise.resolve());
    const declared: number[] = [];
    await sendImagesRequest(request(url), ctx, {
      signal: new AbortController().signal,
      onAnswerHeaders: (bytes) => declared.push(bytes),
    });
    expect(declared).toEqual([]);
  });
});
