/**
 * Reads a GPT image stream (stream: true): `*.partial_image` events become frames handed to
 * the caller as they arrive, `*.completed` events become the final images. The result has
 * the same shape as a non-streamed ImagesResponse so everything after it is shared.
 * Source: images-api-notes.md §3. An `error` event, or a data object with an `error` key,
 * is an error answer sent inside a 200 stream.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type {
  ImageEditStreamEvent,
  ImageGenStreamEvent,
  ImagesResponse,
} from 'openai/resources/images';
import {
  abortedError,
  droppedError,
  invalidResponseError,
  type ApiErrorBody,
  type ErrorContext,
  ImagesApiError,
} from './errors.ts';
import { errorFromResponse } from './error-from-response.ts';
import { base64ToBytes, MIME_FOR_FORMAT, sniffMime } from './image-bytes.ts';

export interface PartialImageFrame {
  /** A low-fidelity preview of the image being drawn. */
  image: Blob;
  /** 0-based, per image, in arrival order. */
  partialIndex: number;
  /** Which image of the request this frame belongs to (images complete in order). */
  imageIndex: number;
}

type StreamEvent = ImageGenStreamEvent | ImageEditStreamEvent;

export async function readImageStream(
  response: Response,
  ctx: ErrorContext,
  signal: AbortSignal,
  onPartialImage?: (frame: PartialImageFrame) => void,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<ImagesResponse> {
  const result: ImagesResponse = { created: Math.floor(Date.now() / 1000), data: [] };
  const data = result.data!;
  // Held in an object because the parser callback sets them between awaits.
  const state: { failure: ImagesApiError | null; done: boolean } = { failure: null, done: false };

  const handle = (message: EventSourceMessage) => {
    if (state.failure || state.done) return;
    if (message.data === '[DONE]') {
      state.done = true;
      return;
    }
    let event: StreamEvent | { error?: ApiErrorBody; type?: string };
    try {
      event = JSON.parse(message.data);
    } catch {
      state.failure = invalidResponseError(ctx, 'A stream event was not JSON.');
      return;
    }
    if (typeof event !== 'object' || event === null) {
      state.failure = invalidResponseError(ctx, 'A stream event was not a JSON object.');
      return;
    }
    if (message.event === 'error' || 'error' in event) {
      const body = 'error' in event ? event.error : undefined;
      state.failure = errorFromResponse(200, body ?? { message: message.data }, new Headers(), ctx);
      return;
    }
    if (!('b64_json' in event) || typeof event.b64_json !== 'string') return;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = base64ToBytes(event.b64_json);
    } catch {
      state.failure = invalidResponseError(ctx, 'A streamed image was not valid base64.');
      return;
    }
    if (typeof event.type !== 'string') {
      state.failure = invalidResponseError(ctx, 'A stream event had no type.');
      return;
    }
    const type = sniffMime(bytes) ?? MIME_FOR_FORMAT[event.output_format] ?? 'image/png';
    if (event.type.endsWith('.partial_image') && 'partial_image_index' in event) {
      // A preview only: one that is no image is not shown (the final one is checked in full).
      if (!sniffMime(bytes)) return;
      onPartialImage?.({
        image: new Blob([bytes], { type }),
        partialIndex: event.partial_image_index,
        imageIndex: data.length,
      });
    } else if (event.type.endsWith('.completed')) {
      data.push({ b64_json: event.b64_json });
      result.created = event.created_at;
      result.output_format = event.output_format;
      if ('usage' in event) result.usage = event.usage;
    }
  };

  const parser = createParser({ onEvent: handle });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) throw invalidResponseError(ctx, 'The stream had no body.');
  let received = 0;
  try {
    while (!state.failure && !state.done) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      received += value.length;
      if (received > maxBytes) {
        state.failure = invalidResponseError(
          ctx,
          `The stream was larger than the images asked for can be (over ${Math.round(maxBytes / 1024 / 1024)} MB), so Easel stopped reading it.`,
        );
        break;
      }
      parser.feed(value);
    }
  } catch (error) {
    throw signal.aborted ? abortedError() : droppedError(ctx, error);
  } finally {
    reader.cancel().catch(() => undefined); // already closed or broken: nothing left to release
  }
  if (state.failure) throw state.failure;
  if (data.length === 0) {
    throw droppedError(ctx, new Error('The stream ended before any image was completed.'));
  }
  return result;
}
