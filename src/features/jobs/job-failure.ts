import { ImagesApiError } from '../../api/errors.ts';
import { jobKeptNote } from './job-kept.ts';
import type { ImageJob, JobFailure } from './job-store.ts';

/** The plain record of why a request of `job`'s kind failed, whatever was thrown. */
export function failureOf(error: unknown, job: Pick<ImageJob, 'operation' | 'view'>): JobFailure {
  if (error instanceof ImagesApiError) {
    const { kind, title, hint, forward, detail, status, code, param, retryAfterSeconds } = error;
    return { kind, title, hint, forward, detail, status, code, param, retryAfterSeconds };
  }
  return {
    kind: 'invalid_response',
    title: 'Something went wrong while handling the answer.',
    detail: error instanceof Error ? error.message : String(error),
    hint: `Try again; ${jobKeptNote(job)}.`,
    forward: { action: 'try-again' },
  };
}
