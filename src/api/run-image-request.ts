/**
 * The path every images operation shares: build the request, send it under the retry
 * policy, read the answer (JSON or stream), turn it into bytes, and describe the job as an
 * ImageJobResult ready for saveResults.
 */
import { deadlineError, startDeadline } from './deadline.ts';
import type { ImageJobResult } from './image-result.ts';
import type { BuiltRequest } from './build-request.ts';
import type { ErrorContext } from './errors.ts';
import type { PartialImageFrame } from './image-stream.ts';
import type { Operation } from './model-types.ts';
import { toResultImages, type ResultImages } from './normalize-response.ts';
import type { ImageParams } from './params.ts';
import { providerLabel, servedModelId, type Provider } from './provider.ts';
import { withRetries, type RetryNotice, type RetryOptions } from './retry.ts';
import { sendImagesRequest } from './transport.ts';
import { checkImagesResponse, maxAnswerBytes, type CheckedAnswer } from './validate-response.ts';

export type { PartialImageFrame } from './image-stream.ts';
export type { RetryNotice } from './retry.ts';

/** What every fetcher takes besides the provider, the params and the files. */
export interface ImageRequestOptions {
  signal: AbortSignal;
  /** Called with each partial frame of a streamed request as it arrives. */
  onPartialImage?: (frame: PartialImageFrame) => void;
  /**
   * Called once the answer's images are read up to their headers, while their data is still
   * being checked: what must happen before they are saved and shown (the room probe, the
   * decode) can start. `bytes`: what saving them takes (the images and the mask). The images
   * may still be refused; only the result's are kept.
   */
  onImagesRead?: (read: { images: Blob[]; bytes: number }) => void;
  /**
   * Earlier still: a JSON answer's headers are in and its body is coming. `bytes`: about what
   * saving its images and the mask will take, from the length the answer declares (at least
   * that, give or take a compressed body's few per cent). Not called without a length.
   */
  onAnswerHeaders?: (read: { bytes: number }) => void;
  /** What a failure's message says is kept for another try (ErrorContext.kept). */
  kept?: string;
  /** Called before each automatic retry (429/5xx), with the wait. */
  onRetry?: (notice: RetryNotice) => void;
  /** The id to send when the provider serves the model under another name (default: mapped). */
  servedModel?: string;
  /** The gallery entry an edit or variation started from. */
  parentId?: string;
  /** Ask for this many images instead of `params.n` (the ones an answer had refused). */
  count?: number;
  /** Test seams for the retry clock. */
  sleep?: RetryOptions['sleep'];
  random?: RetryOptions['random'];
}

export async function runImageRequest(
  provider: Provider,
  operation: Operation,
  asked: ImageParams,
  options: ImageRequestOptions,
  build: (servedModel: string, params: ImageParams) => BuiltRequest,
  mask?: Blob,
): Promise<ImageJobResult> {
  const params = options.count ? { ...asked, n: options.count } : asked;
  const started = Date.now();
  const servedModel = options.servedModel ?? servedModelId(provider, params.model);
  const request = build(servedModel, params);
  const ctx: ErrorContext = {
    provider,
    model: params.model,
    operation,
    ...(options.kept ? { kept: options.kept } : {}),
  };
  const requested = params.n ?? 1;
  const deadline = startDeadline(options.signal);
  let response: CheckedAnswer;
  let images: ResultImages;
  try {
    const answer = await withRetries(
      () =>
        sendImagesRequest(request, ctx, {
          ...options,
          signal: deadline.signal,
          maxBytes: maxAnswerBytes(requested),
          onAnswerHeaders:
            options.onAnswerHeaders &&
            ((declared) => options.onAnswerHeaders!({ bytes: declared + (mask?.size ?? 0) })),
        }),
      {
        signal: deadline.signal,
        onRetry: options.onRetry,
        sleep: options.sleep,
        random: options.random,
      },
    );
    try {
      response = checkImagesResponse(answer.body, ctx, requested);
    } catch (error) {
      answer.early?.abandon(); // nothing of an answer refused whole is used: its readings stop
      throw error;
    }
    const { onImagesRead } = options;
    images = await toResultImages(
      response,
      ctx,
      params,
      deadline.signal,
      onImagesRead &&
        ((read) =>
          onImagesRead({
            images: read,
            bytes: read.reduce((sum, blob) => sum + blob.size, mask?.size ?? 0),
          })),
      answer.early,
    );
  } catch (error) {
    if (deadline.expired()) throw deadlineError(ctx);
    throw error;
  } finally {
    deadline.stop();
  }
  const finished = Date.now();
  return {
    operation,
    model: servedModel,
    prompt: params.prompt ?? '',
    params: request.sent,
    provider: providerLabel(provider),
    images: images.images,
    ...(images.refused.length ? { refused: images.refused } : {}),
    createdAt: finished,
    durationMs: finished - started,
    ...(response.usage ? { usage: response.usage } : {}),
    ...(options.parentId ? { parentId: options.parentId } : {}),
    ...(mask ? { mask } : {}),
  };
}
