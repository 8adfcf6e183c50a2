/**
 * Turns a checked answer (validate-response.ts) into image bytes: b64_json is decoded, a url is fetched at once,
 * with the API key only when the url is on the provider's own origin (a server that enforces
 * its key on image URLs, like the local engine with --api-key, needs it; any other host never
 * sees it). When the url cannot be fetched,
 * typically because the host sends no CORS headers, the image keeps its link, the time it
 * stops working (60 minutes after `created`, per the spec) and the reason.
 */
import type { ResultImage } from './image-result.ts';
import { abortedError, invalidResponseError, type ErrorContext } from './errors.ts';
import { base64ToBytes, MIME_FOR_FORMAT, readImageSize, sniffMime } from './image-bytes.ts';
import { parseSize } from './image-size.ts';
import type { Dimensions } from './model-types.ts';
import { authHeaders, providerOrigin, type Provider } from './provider.ts';
import { fetchWithKey, RedirectRefused } from './provider-fetch.ts';
import { readCapped, TooLarge } from './read-capped.ts';
import { acceptResultUrl } from './result-url.ts';
import { MAX_IMAGE_BYTES, type CheckedAnswer } from './validate-response.ts';
import { connectionAllowed } from '../lib/page-policy.ts';

/** DALL·E url results are valid for 60 minutes after they were created. */
export const URL_LIFETIME_MS = 60 * 60 * 1000;

export async function toResultImages(
  response: CheckedAnswer,
  ctx: ErrorContext,
  requested: { size?: string; output_format?: string },
  signal: AbortSignal,
): Promise<ResultImage[]> {
  const items = response.data ?? [];
  if (items.length === 0) throw invalidResponseError(ctx, 'The answer contained no images.');
  // The size to assume when a header cannot be read (a url we could not fetch).
  const fallback = parseSize(response.size ?? '') ??
    parseSize(requested.size ?? '') ?? { width: 1024, height: 1024 };
  const format = response.output_format ?? requested.output_format ?? 'png';
  return Promise.all(
    items.map(async (item) => {
      const revised = item.revised_prompt ? { revisedPrompt: item.revised_prompt } : {};
      if (typeof item.b64_json === 'string' && item.b64_json.length > 0) {
        let bytes: Uint8Array<ArrayBuffer>;
        try {
          bytes = base64ToBytes(item.b64_json);
        } catch {
          throw invalidResponseError(ctx, 'An image was not valid base64.');
        }
        return { ...imageFromBytes(bytes, format, fallback), ...revised };
      }
      if (typeof item.url === 'string' && item.url.length > 0) {
        const url = acceptResultUrl(item.url);
        if (!url) {
          throw invalidResponseError(
            ctx,
            'An image came as a link that is not an http or https address; Easel does not open it.',
          );
        }
        return {
          ...(await fetchUrlImage(url, ctx.provider, response.created, format, fallback, signal)),
          ...revised,
        };
      }
      throw invalidResponseError(ctx, 'An image had neither b64_json nor url.');
    }),
  );
}

function imageFromBytes(
  bytes: Uint8Array<ArrayBuffer>,
  format: string,
  fallback: Dimensions,
): ResultImage {
  const type = sniffMime(bytes) ?? MIME_FOR_FORMAT[format] ?? 'image/png';
  const size = readImageSize(bytes) ?? fallback;
  return { bytes: new Blob([bytes], { type }), width: size.width, height: size.height };
}

async function fetchUrlImage(
  url: string,
  provider: Provider,
  created: number,
  format: string,
  fallback: Dimensions,
  signal: AbortSignal,
): Promise<ResultImage> {
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
    const bytes = await readCapped(response, MAX_IMAGE_BYTES);
    if (!sniffMime(bytes)) {
      return remote('The link did not return an image Easel recognises; only the link is kept.');
    }
    return imageFromBytes(bytes, format, fallback);
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
