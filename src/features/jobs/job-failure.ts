import { ImagesApiError } from '../../api/errors.ts';
import type { JobFailure } from './job-store.ts';

/** The plain record of why a request failed, whatever was thrown. */
export function failureOf(error: unknown): JobFailure {
  if (error instanceof ImagesApiError) {
    const { kind, title, hint, forward, detail, status, code, param, retryAfterSeconds } = error;
    return { kind, title, hint, forward, detail, status, code, param, retryAfterSeconds };
  }
  return {
    kind: 'invalid_response',
    title: 'Something went wrong while handling the answer.',
    detail: error instanceof Error ? error.message : String(error),
    hint: 'Try again; your prompt and settings are kept.',
    forward: { action: 'try-again' },
  };
}
