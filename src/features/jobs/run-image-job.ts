/**
 * The job runner every operation shares (generate, edit, variation): it runs the request as
 * a react-query mutation, shows it in the queue with its elapsed time, retries and partial
 * frames, lets the user cancel it, and calls it done only after saveResults has stored it.
 * If saving fails the images stay on screen, downloadable, with the gallery's message.
 *
 * Usable outside React (the gallery's "make variations", the editor's "apply edit").
 */
import { MutationObserver } from '@tanstack/react-query';
import type { ImageJobResult } from '../../api/image-result.ts';
import {
  abortedError,
  ImagesApiError,
  isAbortError,
  isUnreachableError,
} from '../../api/errors.ts';
import type { Operation } from '../../api/models.ts';
import type { ImageParams } from '../../api/params.ts';
import type { Provider } from '../../api/provider.ts';
import type { ImageRequestOptions, RetryNotice } from '../../api/run-image-request.ts';
import { queryClient } from '../../lib/query-client.ts';
import { getActiveProvider } from '../providers/provider-store.ts';
import {
  markReachable,
  markUnreachable,
  reachabilityKey,
} from '../providers/reachability-store.ts';
import { useJobStore, type ImageJob } from './job-store.ts';

export interface ImageJobSpec {
  operation: Operation;
  params: ImageParams;
  provider: Provider;
  servedModel?: string;
  parentId?: string;
  /**
   * Calls the operation's fetcher with the runner's signal and callbacks. It takes the
   * provider so "Try again" can use the settings as they are now (a corrected key).
   */
  request: (provider: Provider, options: ImageRequestOptions) => Promise<ImageJobResult>;
  /**
   * Called for every run of this spec — the first and each "Try again" — with the new job's
   * id and its outcome, so a feature that shows results its own way (the editor) also sees
   * a retried run's result.
   */
  onRun?: (id: string, finished: Promise<ImageJob>) => void;
}

/** Stores a finished result; the gallery's saveResults unless a test supplies another. */
export type SaveResult = (result: ImageJobResult) => Promise<{ id: string }[]>;

// Loaded on first use: the gallery's database code is not needed to draw the studio.
const saveToGallery: SaveResult = async (result) => {
  const { saveResults } = await import('../gallery-store/save-results.ts');
  return saveResults(result);
};

const controllers = new Map<string, AbortController>();
const specs = new Map<string, ImageJobSpec>();
const saveFunctions = new Map<string, SaveResult>();

/** Starts a job; resolves with the job as it ended (done, unsaved, failed or cancelled). */
export function runImageJob(
  spec: ImageJobSpec,
  saveResult: SaveResult = saveToGallery,
): { id: string; finished: Promise<ImageJob> } {
  const id = crypto.randomUUID();
  const controller = new AbortController();
  controllers.set(id, controller);
  specs.set(id, spec);
  saveFunctions.set(id, saveResult);
  const store = useJobStore.getState();
  const origin = reachabilityKey(spec.provider);
  store.add({
    id,
    operation: spec.operation,
    prompt: spec.params.prompt ?? '',
    params: spec.params,
    servedModel: spec.servedModel,
    providerName: spec.provider.name,
    providerOrigin: origin,
    startedAt: Date.now(),
    status: 'running',
    retries: 0,
    partials: [],
    partialCount: 0,
    parentId: spec.parentId,
  });

  const observer = new MutationObserver<ImageJobResult, unknown, ImageJobSpec>(queryClient, {
    mutationKey: ['image-job', spec.operation],
    mutationFn: (s) =>
      s.request(s.provider, {
        signal: controller.signal,
        servedModel: s.servedModel,
        parentId: s.parentId,
        onRetry: (notice) => onRetry(id, notice),
        onPartialImage: (frame) =>
          store.patch(id, (job) => {
            const partials = [...job.partials];
            partials[frame.imageIndex] = frame.image;
            return { partials, partialCount: job.partialCount + 1, retry: undefined };
          }),
      }),
  });

  const finished = observer
    .mutate(spec)
    .then(async (result) => {
      markReachable(origin);
      store.patch(id, { status: 'saving', result, retry: undefined, endedAt: Date.now() });
      await save(id, result);
    })
    .catch((error: unknown) => {
      const cancelled = isAbortError(error) || controller.signal.aborted;
      // The studio then checks the server in the background until it answers again.
      if (isUnreachableError(error)) markUnreachable(origin);
      else if (error instanceof ImagesApiError && error.status !== undefined) markReachable(origin);
      store.patch(id, {
        status: cancelled ? 'cancelled' : 'failed',
        error: cancelled ? abortedError() : asApiError(error),
        retry: undefined,
        endedAt: Date.now(),
      });
    })
    .then(() => {
      controllers.delete(id);
      return useJobStore.getState().jobs.find((job) => job.id === id)!;
    });
  spec.onRun?.(id, finished);
  return { id, finished };
}

function onRetry(id: string, notice: RetryNotice): void {
  useJobStore.getState().patch(id, {
    retries: notice.attempt,
    retry: {
      attempt: notice.attempt,
      maxRetries: notice.maxRetries,
      at: Date.now() + notice.delayMs,
      reason: notice.error.title,
    },
  });
}

async function save(id: string, result: ImageJobResult): Promise<void> {
  const store = useJobStore.getState();
  const saveResult = saveFunctions.get(id) ?? saveToGallery;
  try {
    const entries = await saveResult(result);
    store.patch(id, { status: 'done', entryIds: entries.map((e) => e.id) });
  } catch (error) {
    const action =
      error && typeof error === 'object' && 'action' in error && typeof error.action === 'string'
        ? error.action
        : 'Download the images to keep them.';
    const message = error instanceof Error ? error.message : 'The gallery could not store them.';
    store.patch(id, { status: 'unsaved', saveError: { message, action } });
  }
}

/** Tries to store an unsaved result again (after the user freed space, closed a tab…). */
export async function retrySave(id: string): Promise<void> {
  const job = useJobStore.getState().jobs.find((j) => j.id === id);
  if (!job?.result || job.status !== 'unsaved') return;
  useJobStore.getState().patch(id, { status: 'saving', saveError: undefined });
  await save(id, job.result);
}

export function cancelJob(id: string): void {
  controllers.get(id)?.abort();
}

/** Removes a finished job from the list and lets go of its images and request. */
export function dismissJob(id: string): void {
  cancelJob(id);
  controllers.delete(id);
  specs.delete(id);
  saveFunctions.delete(id);
  useJobStore.getState().dismiss(id);
}

/**
 * Runs the same request again as a new job (the "Try again" of a failed one), on the
 * provider as it is set now: after "open provider settings" the corrected key is used.
 */
export function rerunJob(id: string): string | null {
  const spec = specs.get(id);
  if (!spec) return null;
  const provider = getActiveProvider();
  const servedModel = provider.models?.some((m) => m.id === spec.servedModel)
    ? spec.servedModel
    : undefined;
  const rerun = runImageJob({ ...spec, provider, servedModel }, saveFunctions.get(id)).id;
  useJobStore.getState().patch(id, { retriedAs: rerun });
  return rerun;
}

function asApiError(error: unknown): ImagesApiError {
  if (error instanceof ImagesApiError) return error;
  return new ImagesApiError({
    kind: 'invalid_response',
    title: 'Something went wrong while handling the answer.',
    detail: error instanceof Error ? error.message : String(error),
    hint: 'Try again; your prompt and settings are kept.',
    forward: { action: 'try-again' },
  });
}
