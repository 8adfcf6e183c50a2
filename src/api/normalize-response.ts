/**
 * Turns a checked answer (validate-response.ts) into image bytes: b64_json is decoded, a url is fetched at once,
 * with the API key only when the url is on the provider's own origin (a server that enforces
 * its key on image URLs, like the local engine with --api-key, needs it; any other host never
 * sees it). When the url cannot be fetched,
 * typically because the host sends no CORS headers, the image keeps its link, the time it
 * stops working (60 minutes after `created`, per the spec) and the reason.
 *
 * Every image's bytes are checked before anything is saved (image-check.ts): one that is not
 * a decodable image of the announced type is refused and named, the others are kept; when
 * none is left the request fails, saying what came back.
 */
import type { RefusedImage, ResultImage } from './image-result.ts';
import { abortedError, invalidResponseError, type ErrorContext } from './errors.ts';
import { base64ToBytes, MIME_FOR_FORMAT, type StoredImageType } from './image-bytes.ts';
import { checkImageData, checkImageHeader, type ReadableHeader } from './image-check.ts';
import type { EarlyImage, EarlyImages } from './early-images.ts';
import { refusedImagesError } from './refused-images.ts';
import { parseSize } from './image-size.ts';
import type { Dimensions } from './model-types.ts';
import { authHeaders, providerOrigin, type Provider } from './provider.ts';
import { fetchWithKey, RedirectRefused } from './provider-fetch.ts';
import { readCapped, TooLarge } from './read-capped.ts';
import { acceptResultUrl } from './result-url.ts';
import { MAX_IMAGE_BYTES, type CheckedAnswer } from './validate-response.ts';
import { connectionAllowed } from '../lib/page-policy.ts';
import { opaqueByHeader } from '../lib/image-opacity.ts';

/** DALL·E url results are valid for 60 minutes after they were created. */
export const URL_LIFETIME_MS = 60 * 60 * 1000;

/** The images that can be kept, and those refused for their bytes. */
export interface ResultImages {
  images: ResultImage[];
  refused: RefusedImage[];
}

/** An image whose bytes were refused: why, in words (image-check.ts). */
class Refused {
  constructor(readonly problem: string) {}
}

export async function toResultImages(
  response: CheckedAnswer,
  ctx: ErrorContext,
  requested: { size?: string; output_format?: string },
  signal: AbortSignal,
  onImagesRead?: (images: Blob[]) => void,
  /** The images as read while the answer arrived (transport.ts), where they were. */
  early?: EarlyImages,
): Promise<ResultImages> {
  const items = response.data ?? [];
  if (items.length === 0) throw invalidResponseError(ctx, 'The answer contained no images.');
  // The size to assume when a header cannot be read (a url we could not fetch).
  const fallback = parseSize(response.size ?? '') ??
    parseSize(requested.size ?? '') ?? { width: 1024, height: 1024 };
  // The type the answer announced must be the bytes' type. A setting the provider ignored
  // (webp asked, png sent and said) is no reason to lose a paid image; with none announced
  // (DALL·E, most compatible servers) any type Easel stores will do.
  const announced = response.output_format;
  const expected = announced ? (MIME_FOR_FORMAT[announced] ?? null) : null;
  // Every image in the answer first read up to its header, at once: those that pass go to
  // `onImagesRead` while their data is checked (which takes a few ms per image).
  let started: (StartedImage | Refused)[];
  try {
    started = items.map((item, i) => startImage(item, expected, ctx, early, i));
  } finally {
    early?.release();
  }
  const readable = started.flatMap((one) => ('blob' in one ? [one.blob] : []));
  if (readable.length > 0) onImagesRead?.(readable);
  const read = await Promise.all(
    started.map(async (one, i): Promise<ResultImage | Refused> => {
      const item = items[i]!;
      const revised = item.revised_prompt ? { revisedPrompt: item.revised_prompt } : {};
      if (one instanceof Refused) return one;
      if ('url' in one) {
        const image = await fetchUrlImage(one.url, ctx.provider, response.created, {
          expected,
          fallback,
          signal,
        });
        return image instanceof Refused ? image : { ...image, ...revised };
      }
      const image = await finishImage(one);
      return image instanceof Refused ? image : { ...image, ...revised };
    }),
  );
  const images: ResultImage[] = [];
  const refused: RefusedImage[] = [];
  read.forEach((image, index) => {
    if (image instanceof Refused) refused.push({ index, problem: image.problem });
    else images.push(image);
  });
  if (images.length === 0) throw refusedImagesError(ctx, refused, items.length);
  return { images, refused };
}

/** An image's bytes read up to their header, the Blob made, and perhaps their check begun. */
interface ReadBytes {
  bytes: Uint8Array;
  header: ReadableHeader;
  blob: Blob;
  /** What the check found in the bytes, if it ran as they arrived (early-images.ts). */
  damage?: Promise<string | null>;
}

/** An answer's image read up to its header, a link to fetch, or refused. */
type StartedImage = ReadBytes | { url: string };

function startImage(
  item: NonNullable<CheckedAnswer['data']>[number],
  expected: StoredImageType | null,
  ctx: ErrorContext,
  early: EarlyImages | undefined,
  index: number,
): StartedImage | Refused {
  if (typeof item.b64_json === 'string' && item.b64_json.length > 0) {
    const read = early?.take(index, item.b64_json);
    if (read) return readHeader(read.bytes, expected, read);
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = base64ToBytes(item.b64_json);
    } catch {
      throw invalidResponseError(ctx, 'An image was not valid base64.');
    }
    return readHeader(bytes, expected);
  }
  if (typeof item.url === 'string' && item.url.length > 0) {
    const url = acceptResultUrl(item.url);
    if (url) return { url };
    throw invalidResponseError(
      ctx,
      'An image came as a link that is not an http or https address; Easel does not open it.',
    );
  }
  throw invalidResponseError(ctx, 'An image had neither b64_json nor url.');
}

/** The header checked; the Blob made (as the data is checked, it can be decoded meanwhile). */
function readHeader(
  bytes: Uint8Array<ArrayBuffer>,
  expected: StoredImageType | null,
  early?: EarlyImage,
): ReadBytes | Refused {
  const header = checkImageHeader(bytes, expected);
  if (!header.ok) return new Refused(header.problem);
  const blob = new Blob([bytes], { type: header.type });
  // The early check is a PNG's; the header says what the bytes are.
  const damage = header.type === 'image/png' ? early?.damage : undefined;
  return { bytes, header, blob, ...(damage ? { damage } : {}) };
}

/** The rest of the check: the image as kept, or why it was refused. */
async function finishImage({
  bytes,
  header,
  blob,
  damage,
}: ReadBytes): Promise<ResultImage | Refused> {
  const check = await checkImageData(bytes, header, { damage });
  if (!check.ok) return new Refused(check.problem);
  const opaque = opaqueByHeader(bytes);
  return { bytes: blob, width: check.width, height: check.height, ...(opaque ? { opaque } : {}) };
}

async function fetchUrlImage(
  url: string,
  provider: Provider,
  created: number,
  {
    expected,
    fallback,
    signal,
  }: { expected: StoredImageType | null; fallback: Dimensions; signal: AbortSignal },
): Promise<ResultImage | Refused> {
  const expiresAt = (created > 0 ? created * 1000 : Date.now()) + URL_LIFETIME_MS;
  const remote = (reason: string): ResultImage => ({
    bytes: null,
    width: fallback.width,
    height: fallback.height,
    remote: { url, expiresAt, reason },
  });
  // The page may connect only to the studio and the configured providers: a link on any
  // other host is kept as a link, without a fetch the browser would refuse anyway.
  if (!connectionAllowed(url)) {
    return remote(
      `The image is on ${hostOf(url)}, and Easel connects only to itself and your providers, ` +
        'so it kept only the link. Open it and save the image before the link expires, or ' +
        'choose the b64_json response format next time.',
    );
  }
  const key = keyFor(url, provider);
  let response: Response;
  try {
    // With the key, no redirect is followed (provider-fetch.ts); without it, a CDN may redirect.
    response = Object.keys(key).length
      ? await fetchWithKey(url, { signal, headers: key })
      : await fetch(url, { signal, credentials: 'omit' });
  } catch (error) {
    if (signal.aborted) throw abortedError();
    if (error instanceof RedirectRefused) {
      return remote(
        `The provider redirected the download to another address, and Easel does not follow ` +
          'redirects with your key, so it kept only the link. Open it and save the image ' +
          'before the link expires, or choose the b64_json response format next time.',
      );
    }
    return remote(
      `The image host (${hostOf(url)}) does not let the browser download the image (it sends no ` +
        'CORS headers, or could not be reached), so Easel kept only the link. Open it and save ' +
        'the image before the link expires, or choose the b64_json response format next time.',
    );
  }
  if (!response.ok) {
    return remote(`The image host answered HTTP ${response.status}; Easel kept only the link.`);
  }
  try {
    const read = readHeader(await readCapped(response, MAX_IMAGE_BYTES), expected);
    return read instanceof Refused ? read : await finishImage(read);
  } catch (error) {
    if (signal.aborted) throw abortedError();
    if (error instanceof TooLarge) {
      return remote(
        `The linked file is larger than any image the API returns (over ${MAX_IMAGE_BYTES / 1024 / 1024} MB), so Easel did not download it and kept only the link.`,
      );
    }
    return remote('The download of the image broke off; Easel kept only the link.');
  }
}

/** The provider's auth headers when `url` is on its origin; none for any other host. */
function keyFor(url: string, provider: Provider): Record<string, string> {
  try {
    return new URL(url).origin === providerOrigin(provider) ? authHeaders(provider) : {};
  } catch {
    return {};
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
