import { describe, expect, it } from 'vitest';
import { refuseBeforeDecode, unreadableImage } from './image-intake-check.ts';
import { sniffImageKind } from './image-kind.ts';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])),
  );
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffImageKind', () => {
  it.each([
    [bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a), 'png'],
    [bytes(0xff, 0xd8, 0xff, 0xe0), 'jpeg'],
    [bytes('GIF89a'), 'gif'],
    [bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '), 'webp'],
    [bytes('BM'), 'bmp'],
    [bytes(0, 0, 0, 0x1c, 'ftypavif'), 'avif'],
    [text('%PDF-1.7'), 'pdf'],
    [text('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg'],
    [text('\uFEFF  <?xml version="1.0"?>\n<svg width="1"/>'), 'svg'],
    [text('<!-- made by hand --><svg viewBox="0 0 1 1"></svg>'), 'svg'],
    [text('hello'), 'unknown'],
  ])('%#: %s', (head, kind) => {
    expect(sniffImageKind(head)).toBe(kind);
  });
});

describe('refuseBeforeDecode', () => {
  const file = (name: string, size: number, type = '') => ({ name, size, type });

  it('refuses an empty file, an SVG and a PDF, naming the file and what to do', () => {
    expect(refuseBeforeDecode(file('a.png', 0), new Uint8Array())?.message).toBe(
      '“a.png” is empty (0 bytes). Choose the image file itself.',
    );
    expect(refuseBeforeDecode(file('logo.svg', 40), text('<svg/>'))?.reason).toBe('svg');
    expect(refuseBeforeDecode(file('x.pdf', 40), text('%PDF-1.4'))?.message).toMatch(
      /is a PDF\. Export the page as a PNG or JPEG/,
    );
  });

  it('trusts the bytes over the name: a PNG called .svg goes on to the decoder', () => {
    expect(
      refuseBeforeDecode(
        file('fake.svg', 40, 'image/svg+xml'),
        bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a),
      ),
    ).toBeNull();
  });

  it('lets anything else reach the browser decoder (it knows formats we do not)', () => {
    expect(
      refuseBeforeDecode(file('photo.heic', 4000, 'image/heic'), text('....ftypheic')),
    ).toBeNull();
    expect(unreadableImage('photo.heic').message).toMatch(
      /couldn't read “photo\.heic” as an image/,
    );
  });

  it('refuses a file too large to be worth decoding', () => {
    expect(refuseBeforeDecode(file('huge.png', 300 * 1024 * 1024), bytes(0x89))?.reason).toBe(
      'too-large',
    );
  });
});
