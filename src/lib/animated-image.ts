/**
 * Whether an image file is animated (APNG, animated WebP, a GIF with more than one frame),
 * read from its bytes. The browser decodes such a file to its first frame and the editor
 * works on that; this tells the editor to say so.
 *
 * Reads only what it is given: callers pass the file's first megabyte or so. A GIF whose
 * first frame is larger than that and that does not loop (no NETSCAPE2.0 block) is not
 * recognised — it opens all the same, without the note.
 */
import { sniffImageKind } from './image-kind.ts';

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

export function isAnimated(bytes: Uint8Array): boolean {
  switch (sniffImageKind(bytes)) {
    case 'png':
      return apngHasFrames(bytes);
    case 'webp':
      // An extended WebP (VP8X) carries an "animation" flag in its first header byte.
      return ascii(bytes, 12, 16) === 'VP8X' && ((bytes[20] ?? 0) & 0x02) !== 0;
    case 'gif':
      return gifHasFrames(bytes);
    default:
      return false;
  }
}

/** APNG: an acTL chunk before the first IDAT, announcing more than one frame. */
function apngHasFrames(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = ascii(bytes, at + 4, at + 8);
    if (type === 'IDAT' || type === 'IEND') return false;
    if (type === 'acTL') return at + 12 <= bytes.length && view.getUint32(at + 8) > 1;
    at += 12 + length;
  }
  return false;
}

/** GIF: a second image descriptor, or a looping (NETSCAPE2.0) block, before the bytes end. */
function gifHasFrames(bytes: Uint8Array): boolean {
  const skipSubBlocks = (from: number) => {
    let at = from;
    while (at < bytes.length && bytes[at] !== 0) at += bytes[at]! + 1;
    return at + 1;
  };
  const packed = bytes[10] ?? 0;
  let at = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  let frames = 0;
  while (at < bytes.length) {
    const block = bytes[at];
    if (block === 0x3b) break; // trailer
    if (block === 0x21) {
      // Extension: label, then sub-blocks. NETSCAPE2.0 is the looping animation block.
      if (bytes[at + 1] === 0xff && ascii(bytes, at + 3, at + 14) === 'NETSCAPE2.0') return true;
      at = skipSubBlocks(at + 2);
    } else if (block === 0x2c) {
      if (++frames > 1) return true;
      const local = bytes[at + 9] ?? 0;
      at += 10 + (local & 0x80 ? 3 * 2 ** ((local & 0x07) + 1) : 0);
      at = skipSubBlocks(at + 1); // LZW minimum code size, then the image data
    } else {
      break; // not a GIF block: damaged, or past what was read
    }
  }
  return false;
}
