/**
 * Sends one built request with plain fetch and returns the provider's ImagesResponse, or
 * throws an ImagesApiError that says what went wrong. Streams (text/event-stream) are read
 * through image-stream.ts. No retries here: retry.ts wraps this.
 */
import type { ImagesResponse } from 'openai/resources/images';
import type { BuiltRequest } from './build-request.ts';
import {
  abortedError,
  droppedError,
  errorFromResponse,
  invalidResponseError,
  type ApiErrorBody,
  type ErrorContext,
} from './errors.ts';
import { readImageStream, type PartialImageFrame } from './image-stream.ts';
import { diagnosedNetworkError } from './network-failure.ts';
import { fetchWithKey, RedirectRefused } from './provider-fetch.ts';
import { assertUsableBaseUrl, redirectError } from './provider-errors.ts';

export interface SendOptions {
  signal: AbortSignal;
  onPartialImage?: (frame: PartialImageFrame) => void;
}

export async function sendImagesRequest(
  request: BuiltRequest,
  ctx: ErrorContext,
  { signal, onPartialImage }: SendOptions,
): Promise<ImagesResponse> {
  assertUsableBaseUrl(ctx);
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
    return readImageStream(response, ctx, signal, onPartialImage);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw signal.aborted ? abortedError() : droppedError(ctx, error);
  }
  try {
    return JSON.parse(text) as ImagesResponse;
  } catch {
    throw invalidResponseError(ctx, `Expected JSON, got ${type || 'no content type'}.`);
  }
}

async function readErrorBody(
  response: Response,
  signal: AbortSignal,
): Promise<ApiErrorBody | undefined> {
  try {
    const text = await response.text();
    const parsed = JSON.parse(text) as { error?: ApiErrorBody | string; message?: string };
    if (typeof parsed.error === 'string') return { message: parsed.error };
    return parsed.error ?? (parsed.message ? { message: parsed.message } : undefined);
  } catch {
    if (signal.aborted) throw abortedError();
    // Not JSON (a proxy's HTML page, an empty body): the status alone decides.
    return undefined;
  }
}
