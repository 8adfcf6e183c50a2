import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { PNGSUITE_DIR } from '../../fixtures/pngsuite.ts';
import type { EarlyImages } from './early-images.ts';
import type { ErrorContext } from './errors.ts';
import { base64ToBytes } from './image-bytes.ts';
import { toResultImages } from './normalize-response.ts';
import { sendImagesRequest } from './transport.ts';

/**
 * The path from a provider's body to kept images: the transport reads each image as the body
 * arrives (early-images.ts), and toResultImages keeps or refuses an image by that reading's
 * verdict, with the bytes it decoded.
 */
const ctx: ErrorContext = {
  provider: { kind: 'local', name: 'Local engine', baseUrl: '/v1', apiKey: '' },
  model: 'gpt-image-1',
  operation: 'generate',
};
const b64 = (name: string) => readFileSync(join(PNGSUITE_DIR, name)).toString('base64');
const signal = new AbortController().signal;

/** A PNG of noise, ~120 KB: an answer of a few hundred KB, arriving in many pieces. */
const photo = async () =>
  new Uint8Array(
    await sharp(randomBytes(200 * 200 * 3), { raw: { width: 200, height: 200, channels: 3 } })
      .png()
      .toBuffer(),
  );

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** Serves `body` in pieces of `size` bytes, 2 ms apart, as a slow connection would. */
function serveInPieces(body: string, size: number): Promise<string> {
  return new Promise((resolve) => {
    server = createServer((_, res) => {
      const bytes = Buffer.from(body);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
      let at = 0;
      const next = () => {
        if (at >= bytes.length) return res.end();
        res.write(bytes.subarray(at, (at += size)));
        setTimeout(next, 2);
      };
      next();
    });
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1/images/generations`),
    );
  });
}

describe('images read as the answer arrives', () => {
  it('the transport hands over each image as read from the body', async () => {
    const good = await photo();
    const damaged = new Uint8Array(good);
    // A bit flipped in the first IDAT's data: its CRC no longer holds.
    damaged[Buffer.from(good).indexOf('IDAT') + 100]! ^= 0x01;
    const images = [good, damaged].map((bytes) => Buffer.from(bytes).toString('base64'));
    const body = JSON.stringify({ created: 1, data: images.map((b64_json) => ({ b64_json })) });
    const url = await serveInPieces(body, 16 * 1024);
    const answer = await sendImagesRequest(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        stream: false,
        sent: { model: 'gpt-image-1', prompt: 'a kite' },
      },
      ctx,
      { signal },
    );
    const read = images.map((text, i) => answer.early!.take(i, text));
    // (Compared as Buffers: a deep equality of 120 KB arrays takes seconds.)
    expect(read.map((r, i) => !!r && Buffer.from(r.bytes).equals([good, damaged][i]!))).toEqual([
      true,
      true,
    ]);
    expect(await Promise.all(read.map((r) => r?.damage))).toEqual([
      null,
      'its IDAT chunk fails its checksum',
    ]);
  });

  it('keeps or refuses each image by what was found as it arrived', async () => {
    const text = b64('basn6a08.png');
    const early = {
      take: (_: number, b64: string) =>
        b64 === text
          ? { bytes: base64ToBytes(text), damage: Promise.resolve('found as it arrived') }
          : null,
      release: () => undefined,
    } as unknown as EarlyImages;
    const answer = { created: 1, data: [{ b64_json: text }, { b64_json: b64('basn0g08.png') }] };
    const { images, refused } = await toResultImages(answer, ctx, {}, signal, undefined, early);
    expect(refused).toEqual([{ index: 0, problem: 'a damaged PNG: found as it arrived' }]);
    expect(images).toHaveLength(1); // the second, not read early, was checked after the last byte
  });
});
