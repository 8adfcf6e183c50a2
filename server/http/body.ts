/**
 * Reads request bodies with hard limits so one client cannot exhaust memory or hold a socket
 * for ever: a byte cap (413), an idle timeout (408) and a minimum average rate (408) once a
 * grace period is over, so a body trickled a byte at a time ends as surely as one that stops.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest, payloadTooLarge } from './errors.ts';

export interface BodyLimits {
  maxBytes: number;
  idleMs: number;
  /** After `graceMs`, at least this many bytes a second on average, or 408. */
  minBytesPerSecond?: number;
  graceMs?: number;
}

/** Any real client, even on a slow link, beats this; a trickle of a byte a second does not. */
export const MIN_BODY_RATE = { minBytesPerSecond: 16 * 1024, graceMs: 5_000 };

export const tooSlow = () =>
  new ApiError(
    408,
    'The request body arrived too slowly (under 16 KB a second); send it again.',
    'invalid_request_error',
    null,
    'request_timeout',
  );

export const requestTimeout = () =>
  new ApiError(
    408,
    'The request body stopped arriving; try again.',
    'invalid_request_error',
    null,
    'request_timeout',
  );

export const clientGone = () => new ApiError(499, 'The client closed the connection.');

/** Calls `onChunk` for every chunk, enforcing the limits; resolves at the end of the body. */
export function streamBody(
  req: IncomingMessage,
  limits: BodyLimits,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let received = 0;
    let settled = false;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      reject(payloadTooLarge(limits.maxBytes));
      return;
    }
    if (req.destroyed || req.readableAborted) {
      reject(clientGone());
      return;
    }
    let timer = setTimeout(onIdle, limits.idleMs);
    const started = performance.now();
    const { minBytesPerSecond = 0, graceMs = 0 } = limits;
    const rateCheck = minBytesPerSecond > 0 ? setInterval(checkRate, 1_000) : undefined;
    function checkRate() {
      const owed = (minBytesPerSecond * (performance.now() - started - graceMs)) / 1000;
      if (received < owed) finish(tooSlow());
    }
    function finish(error?: ApiError) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(rateCheck);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      if (error) reject(error);
      else resolve();
    }
    function onIdle() {
      finish(requestTimeout());
    }
    function onData(chunk: Buffer) {
      received += chunk.length;
      if (received > limits.maxBytes) {
        finish(payloadTooLarge(limits.maxBytes));
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(onIdle, limits.idleMs);
      try {
        onChunk(chunk);
      } catch (error) {
        finish(error instanceof ApiError ? error : badRequest(String(error)));
      }
    }
    function onEnd() {
      finish();
    }
    function onClose() {
      if (!req.readableEnded) finish(clientGone());
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
  });
}

export async function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await streamBody(req, limits, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

const JSON_HINT =
  'We could not parse the JSON body of your request. The API expects a JSON payload ' +
  '(Content-Type: application/json), but what was sent was not valid JSON.';

/** Parses a JSON object body; anything else (empty, array, invalid) is a clear 400. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  if (body.length === 0) throw badRequest(`${JSON_HINT} The body was empty.`, null, 'invalid_json');
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest(JSON_HINT, null, 'invalid_json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('The request body must be a JSON object.', null, 'invalid_json');
  }
  return value as Record<string, unknown>;
}
