/**
 * Every file of the PngSuite corpus sent as an edit image: the valid ones are accepted
 * (converted as needed) or refused with a clear 400; the corrupt ones (x*.png) get a clear
 * 400; nothing ever gets a 500. Files are sent raw with fetch, exactly as a browser would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNGSUITE_DIR as SUITE } from '../../fixtures/pngsuite.ts';
import { rawPost, startTestEngine, type TestEngine } from './helpers.ts';

const files = readdirSync(SUITE)
  .filter((f) => f.endsWith('.png'))
  .sort();

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

async function sendEdit(model: string, name: string) {
  const form = new FormData();
  form.set('model', model);
  form.set('prompt', 'a small flower');
  form.set('size', model === 'dall-e-2' ? '256x256' : 'auto');
  form.set(
    'image',
    new Blob([new Uint8Array(readFileSync(join(SUITE, name)))], { type: 'image/png' }),
    name,
  );
  return rawPost(`${engine.url}/v1/images/edits`, form);
}

describe('PngSuite as edit images', () => {
  it('has the corpus', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  for (const model of ['gpt-image-1', 'dall-e-2']) {
    it(`${model}: valid files are accepted or clearly refused, corrupt ones get invalid_image_file, never a 500`, async () => {
      const outcomes: Record<string, string[]> = {};
      for (const name of files) {
        const { status, json } = await sendEdit(model, name);
        expect(status, `${name}: ${JSON.stringify(json)}`).toBeLessThan(500);
        if (name.startsWith('x')) {
          expect(status, name).toBe(400);
          expect(json.error!.param).toBe('image');
          expect(['invalid_image_file', 'invalid_image_format']).toContain(json.error!.code);
        }
        if (status === 400) expect(json.error!.message.length, name).toBeGreaterThan(20);
        const key = status === 200 ? 'accepted' : `${status} ${json.error!.code}`;
        (outcomes[key] ??= []).push(name);
      }
      if (model === 'gpt-image-1') {
        // Every valid PNG decodes: GPT models convert 16-bit, palette, gray and interlaced files.
        expect(outcomes.accepted).toEqual(files.filter((f) => !f.startsWith('x')));
      } else {
        // dall-e-2 mirrors the real API: RGBA/LA/L only and square, so many valid files are refused.
        expect(outcomes.accepted!.length).toBeGreaterThan(20);
        expect(outcomes.accepted).toContain('basn6a08.png');
        expect(outcomes.accepted).not.toContain('basn2c08.png');
      }
    });
  }
});
