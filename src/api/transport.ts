/**
 * Sends one built request with plain fetch and returns the provider's answer as parsed JSON
 * (validate-response.ts checks it), or throws an ImagesApiError that says what went wrong.
 * A JSON answer's images are decoded and checked while its body arrives (early-images.ts).
 * Bodies are read with a ceiling: no answer can pour more into the tab than its images can be. Streams (text/event-stream) are read
 * through image-stream.ts. No retries here: retry.ts wraps this.
 */
import type { BuiltRequest } from './build-request.ts';
import {
  abortedError,
  droppedError,
  invalidResponseError,
  type ApiErrorBody,
  type ErrorContext,
} from './errors.ts';
import { errorFromResponse } from './error-from-response.ts';
import { readImageStream, type PartialImageFrame } from './image-stream.ts';
import { diagnosedNetworkError } from './network-failure.ts';
import { fetchWithKey, RedirectRefused } from './provider-fetch.ts';
import { readTextCapped, TooLarge } from './read-capped.ts';
import { maxAnswerBytes } from './validate-response.ts';
import { assertSendableKey, assertUsableBaseUrl, redirectError } from './provider-errors.ts';
import { EarlyImages } from './early-images.ts';

export interface SendOptions {
  signal: AbortSignal;
  onPartialImage?: (frame: PartialImageFrame) => void;
  /** The most the answer may hold (validate-response.ts maxAnswerBytes); default: one image. */
  maxBytes?: number;
  /**
   * A JSON answer's headers are in, its body still coming: called with the length it declares
   * (what its images take to store is about that or less: base64 is a third larger than the
   * bytes; a compressed body is about their size). Not called without a declared length.
   */
  onAnswerHeaders?: (declaredBytes: number) => void;
}

/** An answer: its parsed JSON, and for a JSON body its images as they were read on arrival. */
export interface SentAnswer {
  body: unknown;
  early?: EarlyImages;
}

export async function sendImagesRequest(
  request: BuiltRequest,
  ctx: ErrorContext,
  { signal, onPartialImage, maxBytes = maxAnswerBytes(1), onAnswerHeaders }: SendOptions,
): Promise<SentAnswer> {
  assertUsableBaseUrl(ctx);
  assertSendableKey(ctx);
  let response: Response;
  try {
    response = await fetchWithKey(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal,
    });
  } catch (error) {
    if (error instanceof RedirectRefused) throw redirectError(ctx);
    throw signal.aborted ? abortedError() : await diagnosedNetworkError(ctx, error);
  }

  if (!response.ok) {
    const body = await readErrorBody(response, signal);
    throw errorFromResponse(response.status, body, response.headers, ctx);
  }

  const type = response.headers.get('content-type') ?? '';
  if (type.includes('text/event-stream')) {
    // Partial frames come on top of the images: room for three each.
    return { body: await readImageStream(response, ctx, signal, onPartialImage, maxBytes * 4) };
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const declaredUsable = Number.isFinite(declared) && declared > 0 && declared <= maxBytes;
  if (declaredUsable) onAnswerHeaders?.(declared);
  const early = new EarlyImages(declaredUsable ? declared : 0);
  let text: string;
  try {
    text = await readTextCapped(response, maxBytes, (piece) => early.feed(piece));
    early.finish();
  } catch (error) {
    early.abandon();
    if (error instanceof TooLarge) throw tooLargeError(ctx, error.maxBytes);
    throw signal.aborted ? abortedError() : droppedError(ctx, error);
  }
  try {
    return { body: JSON.parse(text) as unknown, early };
  } catch {
    early.abandon();
    const what = type.includes('html') ? 'a web page' : type || 'no content type';
    throw invalidResponseError(
      ctx,
      `Expected JSON, got ${what}: ${JSON.stringify(text.slice(0, 80))}.`,
    );
  }
}

export function tooLargeError(ctx: ErrorContext, maxBytes: number) {
  return invalidResponseError(
    ctx,
    `The answer was larger than the images asked for can be (over ${Math.round(maxBytes / 1024 / 1024)} MB), so Easel stopped reading it.`,
  );
}

/** An error answer is a sentence or two: more than this is not read. */
const MAX_ERROR_BYTES = 64 * 1024;

async function readErrorBody(
  response: Response,
  signal: AbortSignal,
): Promise<ApiErrorBody | undefined> {
  try {
    const text = await readTextCapped(response, MAX_ERROR_BYTES);
    const parsed = JSON.parse(text) as { error?: ApiErrorBody | string; message?: string };
    if (typeof parsed.error === 'string') return { message: parsed.error };
    return parsed.error ?? (parsed.message ? { message: parsed.message } : undefined);
  } catch {
    if (signal.aborted) throw abortedError();
    // Not JSON (a proxy's HTML page, an empty body): the status alone decides.
    return undefined;
  }
}
