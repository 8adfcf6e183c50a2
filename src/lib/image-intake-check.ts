/**
 * The checks made on a file before anything tries to decode it: what it is by its first
 * bytes (the name and MIME type lie often enough), and whether Easel refuses it outright.
 * Anything that is not refused here is handed to the browser's decoder, so every raster
 * format the browser reads (PNG, JPEG, WebP, GIF, BMP, AVIF, ICO…) is accepted.
 */
import { sniffImageKind } from './image-kind.ts';

export interface IntakeRefusal {
  reason: 'empty' | 'svg' | 'pdf' | 'too-large' | 'unreadable';
  message: string;
}

/** Larger files are refused before decoding: no provider takes more than 50 MB per image. */
export const MAX_INTAKE_BYTES = 256 * 1024 * 1024;

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
