import type { IncomingMessage, ServerResponse } from 'node:http';

// Headers the official SDK sends beyond Authorization/Content-Type (images-api-notes.md §5);
// used when a preflight does not list what it wants.
const DEFAULT_ALLOWED_HEADERS =
  'authorization, content-type, openai-organization, openai-project, api-key, ' +
  'x-stainless-lang, x-stainless-package-version, x-stainless-os, x-stainless-arch, ' +
  'x-stainless-runtime, x-stainless-runtime-version, x-stainless-retry-count, ' +
  'x-stainless-timeout, x-stainless-helper-method';

/** CORS for every engine response: any origin, like api.openai.com. */
export function applyCors(res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', 'x-request-id, retry-after, content-length');
}

/** Answers a preflight: reflects the requested headers so every x-stainless-* passes. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': requested ?? DEFAULT_ALLOWED_HEADERS,
    'access-control-max-age': '86400',
    'content-length': '0',
  });
  res.end();
}
