/**
 * A JPEG read as a decoder reads its structure: segment after segment to its first scan, the
 * scan's entropy-coded data to the marker that ends it, and so on to the end-of-image marker.
 * The picture data itself is only proven by a decode (image-check.ts asks the browser), but
 * the commonest damage shows here, and it is what makes the browser's decoder give up: a
 * marker inside the picture data that no scan may be followed by (a flipped bit turns a
 * stuffed `FF 00` into one), no scan at all, or the file cut off before its end. Stray bytes
 * between segments and restart markers out of order are let through, as decoders let them.
 */

/** Markers a scan may end at: another table or scan (progressive), a note, or the end. */
const AFTER_SCAN = new Set([
  0xc4, // DHT
  0xcc, // DAC
  0xd9, // EOI
  0xda, // SOS
  0xdb, // DQT
  0xdc, // DNL
  0xdd, // DRI
  0xfe, // COM
  ...Array.from({ length: 16 }, (_, i) => 0xe0 + i), // APPn
]);

const CUT_SHORT = 'it is cut short (no end-of-image marker)';

/** Why the JPEG (starting FF D8) is damaged, or null. */
export function jpegDamage(bytes: Uint8Array): string | null {
  let scans = 0;
  let at = 2;
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff || bytes[at + 1] === 0xff || bytes[at + 1] === 0x00) {
      at++; // stray bytes or fill before a marker: decoders skip them
      continue;
    }
    const marker = bytes[at + 1]!;
    if (marker === 0xd9) return scans > 0 ? null : 'it holds no picture data (no scan)';
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2; // restart or TEM: no length
      continue;
    }
    if (at + 4 > bytes.length) return CUT_SHORT;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2) return `its ${hex(marker)} segment has an impossible length`;
    at += 2 + length;
    if (marker !== 0xda) continue;
    scans++;
    at = scanEnd(bytes, at);
    if (at + 1 >= bytes.length) return CUT_SHORT;
    const next = bytes[at + 1]!;
    if (!AFTER_SCAN.has(next)) {
      return `its picture data is damaged (marker ${hex(next)} in the middle of it)`;
    }
  }
  return CUT_SHORT;
}

/** Where the entropy-coded data starting at `from` ends: the FF of the marker after it. */
function scanEnd(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(0xff, from); i !== -1; i = bytes.indexOf(0xff, i + 1)) {
    const next = bytes[i + 1];
    if (next === undefined) return bytes.length;
    // FF 00 is a stuffed FF, FF D0–D7 a restart, FF FF fill before a marker.
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) continue;
    return i;
  }
  return bytes.length;
}

const hex = (marker: number) => `FF ${marker.toString(16).toUpperCase().padStart(2, '0')}`;
