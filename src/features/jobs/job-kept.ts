import { keptNote } from '../../api/errors.ts';
import type { ImageJob } from './job-store.ts';

type JobKind = Pick<ImageJob, 'operation' | 'view'>;

/**
 * Whether the job is a picture and settings, with no prompt of the designer's: a variation,
 * or More like this (an edit whose prompt is Easel's own, shown in the Generate view).
 */
export function keepsNoPrompt(job: JobKind): boolean {
  return job.operation === 'variation' || (job.operation === 'edit' && job.view === 'generate');
}

/** What a job keeps for another try, in errors.ts keptNote's words (their one source). */
export function jobKeptNote(job: JobKind): string {
  return keptNote({ operation: keepsNoPrompt(job) ? 'variation' : job.operation });
}
