import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PNGSUITE_DIR } from '../../fixtures/pngsuite.ts';
import { EarlyImages } from './early-images.ts';
import { base64ToBytes } from './image-bytes.ts';
import { pngDamage } from './png-check.ts';

/**
 * An answer's images are decoded and checked while it arrives, and used only where the text
 * they were read from is the text JSON.parse finds. Each answer below is fed in many ways of
 * cutting it (one byte at a time among them), as a connection may deliver it.
 */
const file = (name: string) => readFileSync(join(PNGSUITE_DIR, name)).toString('base64');
const encode = (text: string) => new TextEncoder().encode(text);

/** Lets the pieces fed be read, as they are between a download's pieces. */
const arrived = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Every way of cutting `bytes` the tests try: whole, byte by byte, and in random pieces. */
function* cuttings(bytes: Uint8Array): Generator<Uint8Array[]> {
  yield [bytes];
  yield Array.from(bytes, (b) => Uint8Array.of(b));
  for (let seed = 1; seed <= 6; seed++) {
    const pieces: Uint8Array[] = [];
    for (let at = 0; at < bytes.length;) {
      const size = 1 + Math.floor(((Math.sin(seed * 7919 + at) + 1) / 2) * 97 * seed);
      pieces.push(bytes.subarray(at, at + size));
      at += size;
    }
    yield pieces;
  }
}

/** What each image of `answer` gives when taken with the text JSON.parse reads. */
async function takeAll(answer: string, pieces: Uint8Array[], declared = 0) {
  const early = new EarlyImages(declared);
  for (const piece of pieces) early.feed(piece);
  await arrived();
  early.finish();
  const { data } = JSON.parse(answer) as { data: { b64_json?: string }[] };
  return Promise.all(
    data.map(async (item, i) => {
      const read = item.b64_json === undefined ? null : early.take(i, item.b64_json);
      if (!read) return null;
      return { bytes: [...read.bytes], damage: read.damage ? await read.damage : 'not checked' };
    }),
  );
}

/** What the usual path gives each image: its bytes and, for a PNG, its whole-file verdict. */
async function expected(b64: string) {
  const bytes = base64ToBytes(b64);
  const png = bytes[0] === 0x89 && bytes[1] === 0x50;
  return { bytes: [...bytes], damage: png ? await pngDamage(bytes) : 'not checked' };
}

describe('EarlyImages', () => {
  it('reads each image of an answer as the text JSON.parse finds, however the answer is cut', async () => {
    const jpeg = (
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c60' } })
        .jpeg()
        .toBuffer()
    ).toString('base64');
    const images = [file('basn6a08.png'), file('xcsn0g01.png'), jpeg, file('basi0g01.png')];
    const answer = JSON.stringify({
      created: 1,
      data: images.map((b64_json, i) => ({
        revised_prompt: `a "quoted" prompt\\ with ünïcödé ✓ ${i}`,
        b64_json,
        extra: { b64_json: 'AAAA', list: [1, 'b64_json', { data: [] }] },
      })),
      usage: { b64_json: 'not an image', output_tokens: 10 },
    });
    const want = await Promise.all(images.map(expected));
    for (const pieces of cuttings(encode(answer))) {
      expect(await takeAll(answer, pieces)).toEqual(want);
    }
  });

  it('has an image checked by the end of its text, before the answer ends', async () => {
    const b64 = file('basn2c08.png');
    const answer = encode(JSON.stringify({ data: [{ b64_json: b64 }], usage: { total: 1 } }));
    const early = new EarlyImages(answer.length);
    early.feed(answer.subarray(0, answer.length - 20)); // the usage still to come
    await arrived(); // the piece is read in a task of its own
    const read = early.take(0, b64)!;
    expect(read.bytes).toEqual(base64ToBytes(b64));
    expect(await read.damage).toBeNull();
  });

  it('leaves to the usual path what it cannot be sure of', async () => {
    const png = file('basn0g08.png');
    const escaped = png.slice(0, 40) + '\\/' + png.slice(42);
    const cases: [string, string][] = [
      [
        'an escape in the text',
        JSON.stringify({ data: [{ b64_json: png }] }).replace(png, escaped),
      ],
      ['the key met twice', `{"data":[{"b64_json":"${png.slice(0, 100)}","b64_json":"${png}"}]}`],
      ['data met twice', `{"data":[{"b64_json":"AAAA"}],"data":[{"b64_json":"${png}"}]}`],
      ['a space in the text', `{"data":[{"b64_json":"${png.slice(0, 40)} ${png.slice(40)}"}]}`],
      ['padding in the middle', `{"data":[{"b64_json":"QQ==${png}"}]}`],
      ['an escaped key', `{"data":[{"b64\\u005fjson":"${png}"}]}`],
    ];
    for (const [name, answer] of cases) {
      for (const pieces of cuttings(encode(answer))) {
        expect(await takeAll(answer, pieces), name).toEqual([null]);
      }
    }
  });

  it('leaves to the usual path a large body that came faster than it could be read', async () => {
    const b64 = Buffer.from(new Uint8Array(600 * 1024).fill(7)).toString('base64');
    const answer = encode(JSON.stringify({ data: [{ b64_json: b64 }] }));
    const burst = new EarlyImages(answer.length);
    burst.feed(answer); // the last byte comes before a task could read the piece
    burst.finish();
    expect(burst.take(0, b64)).toBeNull();

    // A small answer in one piece: nothing was read before its end either.
    const small = Buffer.from(new Uint8Array(30 * 1024).fill(7)).toString('base64');
    const whole = new EarlyImages();
    whole.feed(encode(JSON.stringify({ data: [{ b64_json: small }] })));
    whole.finish();
    expect(whole.take(0, small)).toBeNull();

    const paced = new EarlyImages(answer.length);
    paced.feed(answer);
    for (let i = 0; i < 4; i++) await arrived(); // 256 KB a task
    paced.finish();
    const read = paced.take(0, b64);
    expect(read && Buffer.from(read.bytes).equals(base64ToBytes(b64))).toBe(true);
  });

  it('gives nothing for text other than what it read', async () => {
    const png = file('basn0g08.png');
    const early = new EarlyImages();
    early.feed(encode(JSON.stringify({ data: [{ b64_json: png }] })));
    await arrived();
    early.finish();
    expect(early.take(0, png.replace(/.$/, 'A'))).toBeNull();
    expect(early.take(0, png)).toBeNull(); // taken once
  });

  it('stops quietly on a body that is no answer', () => {
    const early = new EarlyImages(10);
    early.feed(encode('<!DOCTYPE html><html><body>Bad gateway "\\ [{ </body></html>'));
    early.feed(Uint8Array.of(0xff, 0x00, 0x22, 0x5c));
    early.finish();
    expect(early.take(0, 'AAAA')).toBeNull();
  });
});
