import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNGSUITE_DIR } from '../../fixtures/pngsuite.ts';
import type { ErrorContext } from './errors.ts';
import { toResultImages } from './normalize-response.ts';

/**
 * toResultImages hands the answer's images to `onImagesRead` once their headers pass, so the
 * job can probe the room and decode them while their data is checked. What is read early is
 * not what is kept: an image whose data turns out damaged is still refused.
 */
const ctx: ErrorContext = {
  provider: { kind: 'local', name: 'Local engine', baseUrl: '/v1', apiKey: '' },
  model: 'gpt-image-1',
  operation: 'generate',
};
const b64 = (name: string) => readFileSync(join(PNGSUITE_DIR, name)).toString('base64');
const html = Buffer.from('<!DOCTYPE html><html><body>Bad gateway</body></html>').toString('base64');

describe('toResultImages: images read before their data is checked', () => {
  it('hands over the images whose header passed, before the check ends, as the Blobs it keeps', async () => {
    const read: Blob[][] = [];
    const done = toResultImages(
      // A good PNG, a web page, and a PNG whose pixel data fails its checksum (PngSuite).
      {
        created: 1,
        data: [
          { b64_json: b64('basn2c08.png') },
          { b64_json: html },
          { b64_json: b64('xcsn0g01.png') },
        ],
      },
      ctx,
      {},
      new AbortController().signal,
      (images) => read.push(images),
    );
    // Called in the same task as the answer was read: nothing waits for the check.
    expect(read).toHaveLength(1);
    expect(read[0]!.map((blob) => blob.type)).toEqual(['image/png', 'image/png']);
    const { images, refused } = await done;
    expect(images.map((image) => image.bytes)).toEqual([read[0]![0]]);
    expect(images[0]!.bytes).toBe(read[0]![0]);
    expect(refused.map((r) => r.index)).toEqual([1, 2]);
    expect(refused[1]!.problem).toMatch(/^a damaged PNG: /);
  });

  it('hands over nothing when no image passes its header', async () => {
    const read: Blob[][] = [];
    await expect(
      toResultImages(
        { created: 1, data: [{ b64_json: html }] },
        ctx,
        {},
        new AbortController().signal,
        (images) => read.push(images),
      ),
    ).rejects.toMatchObject({ kind: 'invalid_response' });
    expect(read).toEqual([]);
  });
});
