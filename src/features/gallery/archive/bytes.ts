/** Small byte helpers for the archive: content hashes and image format sniffing. */
import { sniffMime } from '../../../api/image-bytes.ts';
import { startsWith } from '../../../lib/image-kind.ts';

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The image format the bytes really are (by signature), whatever a name or manifest says;
 * null for anything an archive may not hold (a GIF included: the gallery stores none).
 */
export function sniffImageType(
  bytes: Uint8Array,
): 'image/png' | 'image/jpeg' | 'image/webp' | null {
  const mime = sniffMime(bytes);
  return mime === 'image/gif' ? null : mime;
}

/** A zip starts with a local file header, or is empty (end of central directory only). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB" (decimal-free below 10 of a unit is noise, so one decimal at most). */
export function formatBytes(n: number): string {
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}
