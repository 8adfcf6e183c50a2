/**
 * Whether an image file's header alone says every pixel is opaque: a JPEG, a PNG whose colour
 * type has no alpha channel and that carries no tRNS chunk before its pixels, a WebP that does
 * not flag alpha. Opening a large image then skips reading back all of its pixels to look for
 * transparency (a 4096² image is 64 MB of them). `false` only means the header cannot tell.
 */
import { sniffImageKind } from './image-kind.ts';

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

export function opaqueByHeader(bytes: Uint8Array): boolean {
  switch (sniffImageKind(bytes)) {
    case 'jpeg':
      return true;
    case 'png':
      return opaquePng(bytes);
    case 'webp':
      return opaqueWebp(bytes);
    default:
      return false;
  }
}

function opaquePng(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 33 || ascii(bytes, 12, 4) !== 'IHDR') return false;
  // Greyscale, truecolour and palette carry no alpha channel; 4 and 6 do.
  if (![0, 2, 3].includes(bytes[25]!)) return false;
  // Any transparency comes in a tRNS chunk, before the first IDAT.
  for (let at = 8; at + 8 <= bytes.length;) {
    const type = ascii(bytes, at + 4, 4);
    if (type === 'tRNS') return false;
    if (type === 'IDAT') return true;
    at += 12 + view.getUint32(at);
  }
  return false; // the header read ended before the pixels
}

function opaqueWebp(bytes: Uint8Array): boolean {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ') return true; // lossy, no ALPH chunk possible without VP8X
  // Lossless: after the 0x2f signature, 14 + 14 bits of size, then the alpha_is_used bit.
  if (chunk === 'VP8L') return bytes.length > 24 && bytes[20] === 0x2f && (bytes[24]! & 0x10) === 0;
  // Extended: the ALPHA flag of the VP8X flags byte.
  if (chunk === 'VP8X') return bytes.length > 20 && (bytes[20]! & 0x10) === 0;
  return false;
}
