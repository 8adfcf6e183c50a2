import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors.ts';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.status, error.toBody(), error.headers);
}

/**
 * Lets an answered request's unread body drain so the client sees our answer instead of a
 * reset connection (a client still uploading would otherwise get EPIPE). Bounded: after
 * `graceMs` the socket is closed whatever is left.
 */
export function discardBody(req: IncomingMessage, graceMs = 5_000): void {
  if (req.readableEnded || req.destroyed) return;
  req.resume();
  const timer = setTimeout(() => req.destroy(), graceMs);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
}
