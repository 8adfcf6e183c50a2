/**
 * The checks "Load mask…" makes before it decodes a file, so that nothing large or broken
 * reaches the decoder and every refusal says what to do: the studio's own upload checks
 * (image-intake-check.ts: empty, over 256 MB, SVG, PDF), the size the header declares
 * (api/image-check.ts's limits, and the image's proportions), and for a PNG the whole
 * file read as a decoder would (api/png-check.ts), which names what is damaged.
 */
import { MAX_EDGE, MAX_PIXELS } from '../../../../api/image-check.ts';
import { readImageSize } from '../../../../api/image-bytes.ts';
import { pngDamage } from '../../../../api/png-check.ts';
import { groupDigits } from '../../../../lib/group-digits.ts';
import {
  formatBytes,
  MAX_INTAKE_BYTES,
  refuseBeforeDecode,
} from '../../../../lib/image-intake-check.ts';
import { sniffImageKind } from '../../../../lib/image-kind.ts';
import { maskSizeProblem } from './mask-size.ts';

/** Enough of a file for its declared size: a JPEG's frame header may follow 64 KB of EXIF. */
const HEAD_BYTES = 128 * 1024;

type Size = { width: number; height: number };

/** Why `file` cannot be loaded as the mask of `image`, found without decoding it; or null. */
export async function maskFileProblem(file: Blob & { name?: string }, image: Size) {
  const name = file.name ? `“${file.name}”` : 'This file';
  const atImageSize = `Save the mask at the image’s size, ${image.width}×${image.height}, and load that.`;
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const refusal = refuseBeforeDecode(
    { name: file.name ?? '', size: file.size, type: file.type },
    head,
  );
  switch (refusal?.reason) {
    case 'empty':
      return `${name} is empty (0 bytes). Choose the mask file itself.`;
    case 'too-large':
      return `${name} is ${formatBytes(file.size)}; Easel loads masks up to ${formatBytes(MAX_INTAKE_BYTES)}. ${atImageSize}`;
    case 'svg':
      return `${name} is an SVG drawing. Export the mask as a PNG, then load that.`;
    case 'pdf':
      return `${name} is a PDF. Export the mask as a PNG, then load that.`;
  }
  const kind = sniffImageKind(head);
  const png = kind === 'png';
  const damaged = (what: string) =>
    `${name} is a damaged PNG: ${what}. Export the mask again and load the new file.`;
  // Called a PNG, starting like no image at all: its signature was mangled (a text-mode copy
  // turns CR LF into LF), which no decoder gets past.
  if (kind === 'unknown' && (file.type === 'image/png' || /\.png$/i.test(file.name ?? ''))) {
    return damaged('its first bytes are not a PNG’s signature');
  }
  const declared = readImageSize(head);
  if (!declared) return png ? damaged('its size cannot be read') : null;
  if (
    declared.width > MAX_EDGE ||
    declared.height > MAX_EDGE ||
    declared.width * declared.height > MAX_PIXELS
  ) {
    return `${name} claims ${groupDigits(declared.width)}×${groupDigits(declared.height)} pixels, more than Easel reads (${groupDigits(MAX_EDGE)} px a side, ${Math.round(MAX_PIXELS / 1e6)} MP). ${atImageSize}`;
  }
  const proportions = maskSizeProblem(declared, image);
  if (proportions) return proportions;
  if (!png) return null;
  const damage = await pngDamage(new Uint8Array(await file.slice(0, file.size).arrayBuffer()));
  return damage ? damaged(damage) : null;
}
