/**
 * The session's image jobs (generations, edits, variations), newest first: what the queue
 * and the results show. Not persisted: finished results live in the gallery, and a job that
 * was running when the page closed cannot be resumed.
 */
import { create } from 'zustand';
import type { ImageJobResult } from '../../api/image-result.ts';
import type { ImagesApiError } from '../../api/errors.ts';
import type { Operation } from '../../api/models.ts';
import type { ImageParams } from '../../api/params.ts';

export type JobStatus =
  | 'running' // waiting for the provider (or between retries)
  | 'saving' // images received, being written to the gallery
  | 'done' // saved
  | 'unsaved' // images received, but the gallery could not store them
  | 'failed'
  | 'cancelled';

export interface JobRetry {
  attempt: number;
  maxRetries: number;
  /** When the retry is sent (epoch ms). */
  at: number;
  reason: string;
}

export interface ImageJob {
  id: string;
  operation: Operation;
  prompt: string;
  params: ImageParams;
  servedModel?: string;
  providerName: string;
  /** The provider's origin, to tell whether a "could not reach" failure has since cleared. */
  providerOrigin: string;
  startedAt: number;
  endedAt?: number;
  status: JobStatus;
  retry?: JobRetry;
  /** How many automatic retries were made (shown after the job ends too). */
  retries: number;
  /** The newest partial frame of each image being streamed, by image index. */
  partials: Blob[];
  partialCount: number;
  result?: ImageJobResult;
  entryIds?: string[];
  error?: ImagesApiError;
  saveError?: { message: string; action: string };
  parentId?: string;
  /** The job "Try again" started from this one, if any. */
  retriedAs?: string;
}

interface JobState {
  jobs: ImageJob[];
  add: (job: ImageJob) => void;
  patch: (id: string, patch: Partial<ImageJob> | ((job: ImageJob) => Partial<ImageJob>)) => void;
  dismiss: (id: string) => void;
}

export const useJobStore = create<JobState>()((set) => ({
  jobs: [],
  add: (job) => set((s) => ({ jobs: [job, ...s.jobs] })),
  patch: (id, patch) =>
    set((s) => ({
      jobs: s.jobs.map((job) =>
        job.id === id ? { ...job, ...(typeof patch === 'function' ? patch(job) : patch) } : job,
      ),
    })),
  dismiss: (id) => set((s) => ({ jobs: s.jobs.filter((job) => job.id !== id) })),
}));

export const isActive = (job: ImageJob) => job.status === 'running' || job.status === 'saving';
