/**
 * The checks made on a file before anything tries to decode it: what it is by its first
 * bytes (the name and MIME type lie often enough), and whether Easel refuses it outright.
 * Anything that is not refused here is handed to the browser's decoder, so every raster
 * format the browser reads (PNG, JPEG, WebP, GIF, BMP, AVIF, ICO…) is accepted.
 */

export type SniffedKind =
  'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif' | 'ico' | 'svg' | 'pdf' | 'unknown';

export interface IntakeRefusal {
  reason: 'empty' | 'svg' | 'pdf' | 'too-large' | 'unreadable';
  message: string;
}

/** Larger files are refused before decoding: no provider takes more than 50 MB per image. */
export const MAX_INTAKE_BYTES = 256 * 1024 * 1024;

const at = (bytes: Uint8Array, sig: number[], offset = 0) =>
  sig.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

export function sniffImageKind(head: Uint8Array): SniffedKind {
  if (at(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (at(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 0, 2) === 'BM') return 'bmp';
  if (ascii(head, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(head, 8, 12))) return 'avif';
  if (at(head, [0, 0, 1, 0])) return 'ico';
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

/** How many leading bytes sniffImageKind wants. */
export const SNIFF_BYTES = 512;

/** Why this file is refused before decoding, or null to go on and decode it. */
export function refuseBeforeDecode(
  file: { name: string; size: number; type: string },
  head: Uint8Array,
): IntakeRefusal | null {
  const name = file.name ? `“${file.name}”` : 'This file';
  if (file.size === 0) {
    return {
      reason: 'empty',
      message: `${name} is empty (0 bytes). Choose the image file itself.`,
    };
  }
  if (file.size > MAX_INTAKE_BYTES) {
    return {
      reason: 'too-large',
      message: `${name} is ${formatBytes(file.size)}; Easel opens images up to ${formatBytes(MAX_INTAKE_BYTES)}. Save a smaller copy and open that.`,
    };
  }
  const kind = sniffImageKind(head);
  if (kind === 'svg' || (kind === 'unknown' && file.type === 'image/svg+xml')) {
    return {
      reason: 'svg',
      message: `${name} is an SVG drawing. Easel edits pixel images: export it as PNG first, then open that.`,
    };
  }
  if (kind === 'pdf' || (kind === 'unknown' && file.type === 'application/pdf')) {
    return {
      reason: 'pdf',
      message: `${name} is a PDF. Export the page as a PNG or JPEG, then open that.`,
    };
  }
  return null;
}

/** The message when the browser's decoder gives up on a file. */
export function unreadableImage(fileName: string): IntakeRefusal {
  const name = fileName ? `“${fileName}”` : 'This file';
  return {
    reason: 'unreadable',
    message: `Easel couldn't read ${name} as an image: it may be damaged, or in a format this browser can't open. Try a PNG, JPEG or WebP.`,
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
