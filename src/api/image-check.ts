/**
 * Is this a decodable image of the type it claims, of a size a tab can hold? Asked of every
 * result a provider returns (normalize-response.ts) and of every image an archive brings
 * (archive-reader.ts), before anything is saved: bytes that are a web page, an SVG, a JPEG
 * sent as PNG, a header claiming 50000×50000 or a file cut short would otherwise be stored as
 * an image no browser can show — and one such entry would make the user's own export
 * unrestorable.
 *
 * PNG is checked as a decoder would read it (png-check.ts: chunk order and CRCs, header
 * fields, and the pixel data inflated to the exact length its size needs). JPEG and WebP are
 * checked by their structure (jpeg-check.ts; RIFF chunk lengths), then, where the browser can
 * decode (`createImageBitmap`: the page and workers, not Node), decoded: their pixel data is
 * entropy-coded and only a decode proves it. (A PNG's needs no decode: its data was inflated.)
 */
import { sniffImageKind, type ImageKind } from '../lib/image-kind.ts';
import { readImageSize, type StoredImageType } from './image-bytes.ts';
import type { Dimensions } from './model-types.ts';
import { jpegDamage } from './jpeg-check.ts';
import { pngDamage } from './png-check.ts';

/**
 * The largest picture Easel accepts: no edge over 16,384 px (what browsers' canvases take) and
 * at most 8× the largest any model in models.ts makes (3840×2160 = 8.3 MP → 66.4 MP, 265 MB
 * of decoded pixels). A header claiming more is refused before a decoder allocates for it.
 */
export const MAX_EDGE = 16_384;
export const MAX_PIXELS = 8 * 3840 * 2160;

export type ImageCheck =
  ({ ok: true; type: StoredImageType } & Dimensions) | { ok: false; problem: string };

const LABEL: Record<StoredImageType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
};

const STORED: Partial<Record<ImageKind, StoredImageType>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** What the bytes are, in words, when they are not an image Easel stores. */
function describe(bytes: Uint8Array, kind: ImageKind): string {
  if (bytes.length === 0) return 'an empty file';
  if (kind === 'svg') return 'an SVG drawing (text), not a picture';
  if (kind === 'gif') return 'a GIF, which Easel does not store';
  if (kind !== 'unknown') return `a ${kind.toUpperCase()} file, which Easel does not store`;
  const text = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (/^<(!doctype html|html|head|body)[\s>]/.test(text)) return 'a web page (HTML), not a picture';
  if (/^[{[]/.test(text)) return 'JSON text, not a picture';
  // eslint-disable-next-line no-control-regex -- control characters mark binary data
  if (!/[\x00-\x08\x0e-\x1f]/.test(text)) return 'text, not a picture';
  return 'not an image Easel recognises';
}

const isFitting = ({ width, height }: Dimensions) =>
  width <= MAX_EDGE && height <= MAX_EDGE && width * height <= MAX_PIXELS;

/** Bytes whose header passed: their type and size. */
export type ReadableHeader = Extract<ImageCheck, { ok: true }>;

/**
 * The instant part of the check (no pixel data read): the type, the announced type and the
 * size in the header. Passing it, the bytes are safe to hand to a decoder (nothing huge is
 * allocated for them), though not yet known to be whole.
 */
export function checkImageHeader(bytes: Uint8Array, expected: StoredImageType | null): ImageCheck {
  const kind = sniffImageKind(bytes);
  const type = STORED[kind];
  if (!type) return { ok: false, problem: describe(bytes, kind) };
  const label = LABEL[type];
  if (expected && type !== expected) {
    return { ok: false, problem: `a ${label}, though a ${LABEL[expected]} was announced` };
  }
  const size = readImageSize(bytes);
  if (!size) return { ok: false, problem: `a damaged ${label}: its size cannot be read` };
  if (!isFitting(size)) {
    return {
      ok: false,
      problem: `a ${label} claiming ${size.width}×${size.height} pixels, more than any image Easel opens (${MAX_EDGE} px a side, ${Math.round(MAX_PIXELS / 1e6)} MP)`,
    };
  }
  return { ok: true, type, ...size };
}

/**
 * Checks `bytes` as an image; `expected` is the type the provider or manifest claimed
 * (null: any stored type will do). The problem says what came back, in a user's words.
 */
export async function checkImageBytes(
  bytes: Uint8Array,
  expected: StoredImageType | null,
  options: { decode?: boolean } = {},
): Promise<ImageCheck> {
  const header = checkImageHeader(bytes, expected);
  return header.ok ? checkImageData(bytes, header, options) : header;
}

/**
 * The rest of the check, for bytes whose header passed: the whole file, as a decoder reads it.
 * `damage`: what that reading found, when it was done as the bytes arrived (early-images.ts).
 */
export async function checkImageData(
  bytes: Uint8Array,
  header: ReadableHeader,
  { decode = true, damage: found }: { decode?: boolean; damage?: Promise<string | null> } = {},
): Promise<ImageCheck> {
  const label = LABEL[header.type];
  const damage = await (found ?? findDamage(bytes, header.type));
  if (damage) return { ok: false, problem: `a damaged ${label}: ${damage}` };
  if (decode && header.type !== 'image/png' && !(await decodes(bytes, header.type))) {
    return { ok: false, problem: `a damaged ${label}: its picture data does not decode` };
  }
  return header;
}

/** Whether the browser decodes it (true where it cannot try: Node). */
async function decodes(bytes: Uint8Array, type: StoredImageType): Promise<boolean> {
  if (typeof createImageBitmap !== 'function') return true;
  try {
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
    (await createImageBitmap(blob)).close();
    return true;
  } catch {
    return false;
  }
}

async function findDamage(bytes: Uint8Array, type: StoredImageType): Promise<string | null> {
  if (type === 'image/jpeg') return jpegDamage(bytes);
  if (type === 'image/webp') return webpDamage(bytes);
  return pngDamage(bytes);
}

const u32le = (b: Uint8Array, i: number) =>
  ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16)) + (b[i + 3] ?? 0) * 2 ** 24;

/** A WebP's RIFF length covers the file, and its chunks fit inside it. */
function webpDamage(bytes: Uint8Array): string | null {
  const riffEnd = 8 + u32le(bytes, 4);
  if (riffEnd > bytes.length) return 'it is cut short';
  let at = 12;
  let image = false;
  while (at + 8 <= riffEnd) {
    const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
    const length = u32le(bytes, at + 4);
    if (at + 8 + length > riffEnd) return `its ${tag.trim()} chunk runs past the end`;
    if (tag === 'VP8 ' || tag === 'VP8L' || tag === 'ANMF') image = true;
    at += 8 + length + (length % 2);
  }
  return image ? null : 'it holds no image data';
}
