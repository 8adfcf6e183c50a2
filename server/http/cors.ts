/**
 * Which web pages may call the engine. A browser sends `Origin` with every cross-origin
 * request, and a "simple" multipart POST needs no preflight, so merely withholding
 * Access-Control-Allow-Origin would still let any page make the engine work: a request from
 * an origin that is not allowed is refused outright (403), before anything else happens.
 *
 * Allowed: clients that are not web pages (no Origin header: the SDK, curl), the page the
 * engine is served with (same origin), and the origins the user opted in to (`--cors-origin`,
 * or `'*'` for any page, as api.openai.com does).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors.ts';

// Headers the official SDK sends beyond Authorization/Content-Type (images-api-notes.md §5);
// used when a preflight does not list what it wants.
const DEFAULT_ALLOWED_HEADERS =
  'authorization, content-type, openai-organization, openai-project, api-key, ' +
  'x-stainless-lang, x-stainless-package-version, x-stainless-os, x-stainless-arch, ' +
  'x-stainless-runtime, x-stainless-runtime-version, x-stainless-retry-count, ' +
  'x-stainless-timeout, x-stainless-helper-method, x-easel-like';

export type CorsOrigins = readonly string[] | '*';

/**
 * The value for Access-Control-Allow-Origin, '' when the request carries no Origin (nothing
 * to allow), or throws a 403 for a page that may not call the engine.
 */
export function checkOrigin(req: IncomingMessage, self: string, allowed: CorsOrigins): string {
  const origin = req.headers.origin;
  if (origin === undefined) return allowed === '*' ? '*' : '';
  if (allowed === '*') return '*';
  if (origin === self || allowed.includes(origin)) return origin;
  throw new ApiError(
    403,
    `Web pages on ${JSON.stringify(origin)} may not use this engine. To allow them, start it with --cors-origin ${origin}.`,
    'invalid_request_error',
    null,
    'origin_not_allowed',
  );
}

/** CORS headers for an answer to an allowed origin ('' = none needed). */
export function applyCors(res: ServerResponse, allowOrigin: string): void {
  // The answer differs by Origin: a cache must not hand one page's answer to another.
  if (allowOrigin !== '*') res.setHeader('vary', 'Origin');
  if (!allowOrigin) return;
  res.setHeader('access-control-allow-origin', allowOrigin);
  res.setHeader('access-control-expose-headers', 'x-request-id, retry-after, content-length');
}

/** Answers an allowed preflight: reflects the requested headers so every x-stainless-* passes. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': requested ?? DEFAULT_ALLOWED_HEADERS,
    'access-control-max-age': '86400',
    'content-length': '0',
  });
  res.end();
}

/** Whether `value` is a serialised http(s) origin (scheme://host[:port], nothing more). */
export function isOrigin(value: string): boolean {
  if (value === '*') return true;
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
}
