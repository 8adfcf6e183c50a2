/**
 * What an image file is, by its first bytes: names and MIME types lie often enough. The one
 * place image signatures are written; the API layer's MIME types, the intake's refusals and
 * the animation check all read it.
 */

export type ImageKind =
  'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif' | 'ico' | 'svg' | 'pdf' | 'unknown';

/** How many leading bytes sniffImageKind looks at. */
export const SNIFF_BYTES = 512;

/** The bytes carry `signature` at offset `at` (a file format's magic number). */
export const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b);

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

export function sniffImageKind(bytes: Uint8Array): ImageKind {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 0, 2) === 'BM') return 'bmp';
  if (ascii(head, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(head, 8, 12))) return 'avif';
  if (startsWith(head, [0, 0, 1, 0])) return 'ico';
  if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
  // SVG is text: skip a BOM and whitespace, then look for an XML or <svg> start.
  const text = new TextDecoder()
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^<svg[\s/>]/i.test(text) || (/^<\?xml/i.test(text) && /<svg[\s/>]/i.test(text)))
    return 'svg';
  if (/^<!--/.test(text) && /<svg[\s/>]/i.test(text)) return 'svg';
  return 'unknown';
}
