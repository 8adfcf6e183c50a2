/**
 * The job runner every operation shares (generate, edit, variation): it sends the request,
 * shows it in the queue with its elapsed time, retries and partial frames, lets the user
 * cancel it, and calls it done only after the result is stored. If saving fails the images
 * stay on screen, downloadable, with the gallery's message.
 *
 * All state is in the job store (job-store.ts); this module holds none. Usable outside
 * React (the gallery's "make variations", the editor's "apply edit").
 */
import type { ImageJobResult } from '../../api/image-result.ts';
import type { ImageRequestOptions } from '../../api/run-image-request.ts';
import {
  abortedError,
  ImagesApiError,
  isAbortError,
  isUnreachableError,
} from '../../api/errors.ts';
import {
  forgetFailedConnectionTest,
  recordConnectionTest,
} from '../providers/connection-test-store.ts';
import { getActiveProvider } from '../providers/provider-store.ts';
import {
  markReachable,
  markUnreachable,
  reachabilityKey,
} from '../providers/reachability-store.ts';
import { showProviderFieldError } from '../prompt/provider-field-errors.ts';
import { decodeAhead } from '../../lib/object-url.ts';
import { failureOf } from './job-failure.ts';
import { recordOf, type JobRecord } from './job-record.ts';
import { holdUnrecorded, releaseUnrecorded } from './unrecorded-jobs.ts';
import { isProviderBusy, takeSlot } from './provider-slots.ts';
import {
  jobById,
  useJobStore,
  type ImageJob,
  type ImageJobSpec,
  type SaveResult,
} from './job-store.ts';
import { saveFailure } from './save-failure.ts';
import { loadSaveModule, prepareGallerySave, saveToGallery } from './gallery-save.ts';

/** Starts a job; resolves with the job as it ended (done, unsaved, failed or cancelled). */
export function runImageJob(
  spec: ImageJobSpec,
  save: SaveResult = saveToGallery,
): { id: string; finished: Promise<ImageJob> } {
  const id = crypto.randomUUID();
  const controller = new AbortController();
  const store = useJobStore.getState();
  const origin = reachabilityKey(spec.provider);
  const job: ImageJob = {
    id,
    operation: spec.operation,
    ...(spec.view ? { view: spec.view } : {}),
    prompt: spec.params.prompt ?? '',
    params: spec.params,
    ...(spec.inputs ? { inputs: spec.inputs } : {}),
    servedModel: spec.servedModel,
    providerName: spec.provider.name,
    providerKind: spec.provider.kind,
    providerOrigin: origin,
    startedAt: Date.now(),
    status: isProviderBusy(origin) ? 'queued' : 'running',
    retries: 0,
    partials: [],
    partialCount: 0,
    parentId: spec.parentId,
  };
  // Recorded durably as it is sent (a paid request must not vanish with the tab, also on a
  // first visit, where the write creates the database). A job with files (an edit) is sent
  // once its record is written; one without is sent at once and, until the write is done,
  // kept by unrecorded-jobs.ts should the page leave first. Either way a slow or refused
  // database holds nothing back for long, and the result is saved only after the record.
  // The save's code loads while the request is out: the answer is stored without a wait.
  if (save === saveToGallery) void Promise.resolve(loadSaveModule()).catch(() => undefined);
  const record = recordOf(job);
  const recording = recordInFlight(record);
  const recorded = Promise.race([recording, delay(RECORD_WAIT_MS)]);
  if (!job.inputs) holdUnrecorded(record);
  void recording.then((ok) => ok && releaseUnrecorded(id));
  // Queued behind the provider's other requests (provider-slots.ts) until a slot frees.
  const slot = takeSlot(origin, controller.signal);
  const ready = job.inputs ? Promise.all([slot, recorded]).then(([release]) => release) : slot;
  // The answer is in and its images are being checked: the room for them is probed and they
  // are decoded meanwhile, so the save follows the check at once and the picture is ready to
  // paint once saved (held until the job ends). Nothing is saved or shown before the check.
  // Not for an editor edit: it composes the answer into other bytes, which are what it saves.
  let endJob = () => {};
  const jobEnded = new Promise<void>((resolve) => (endJob = resolve));
  const decodingEarly = new Set<Blob>();
  const prepare: ImageRequestOptions['onImagesRead'] = job.inputs?.edit
    ? undefined
    : ({ images, bytes }) => {
        if (save === saveToGallery) prepareGallerySave(bytes);
        for (const blob of images) {
          decodingEarly.add(blob);
          void decodeAhead(blob, jobEnded);
        }
      };
  // Sooner still, while the answer's body comes: its declared length is about what the save
  // needs (at least, unless compressed; a probe too small is asked again when the images are
  // read), so the probe runs beside the download and the check instead of after them.
  const prepareEarly: ImageRequestOptions['onAnswerHeaders'] = ({ bytes }) => {
    if (save === saveToGallery) prepareGallerySave(bytes);
  };
  // Chained before the job is added: the request leaves before the list redraws.
  const request = ready.then((release) => {
    // Cancelled while it was being recorded: never sent.
    if (controller.signal.aborted) {
      release();
      throw abortedError();
    }
    if (jobById(id)?.status === 'queued') store.patch(id, { status: 'running' });
    const sent = spec.request(spec.provider, {
      signal: controller.signal,
      servedModel: spec.servedModel,
      parentId: spec.parentId,
      onRetry: (notice) =>
        store.patch(id, {
          retries: notice.attempt,
          retry: {
            attempt: notice.attempt,
            maxRetries: notice.maxRetries,
            at: Date.now() + notice.delayMs,
            reason: notice.error.title,
          },
        }),
      ...(prepare ? { onImagesRead: prepare, onAnswerHeaders: prepareEarly } : {}),
      onPartialImage: (frame) =>
        store.patch(id, (job) => {
          const partials = [...job.partials];
          partials[frame.imageIndex] = frame.image;
          return { partials, partialCount: job.partialCount + 1, retry: undefined };
        }),
    });
    // The slot frees when the answer is in (or the request failed), before saving.
    void sent.then(release, release);
    return sent;
  });
  store.add(job, { spec, save, controller });

  const finished = request
    .then(async (result) => {
      // Saved only once the job's record is written: the save's transaction deletes it.
      await recorded;
      const answered = { result, retry: undefined, endedAt: Date.now() };
      const stored = storeResult(id, answered);
      markReachable(origin);
      // Decoded while they are saved: shown the frame after the save, not a decode later.
      for (const image of result.images) {
        if (image.bytes && !decodingEarly.has(image.bytes)) void decodeAhead(image.bytes, stored);
      }
      // These settings work: an earlier failed "Test connection" no longer describes them.
      forgetFailedConnectionTest(spec.provider);
      // The images are shown once saved; until then the newest partial frames stay. A quick
      // save goes straight to done: no redraw as 'saving' competes with it for the thread.
      const slowSave = setTimeout(() => {
        if (jobById(id)?.status === 'running') store.patch(id, { status: 'saving', ...answered });
      }, SAVING_SHOWN_AFTER_MS);
      await stored;
      clearTimeout(slowSave);
    })
    .catch((error: unknown) => {
      const cancelled = isAbortError(error) || controller.signal.aborted;
      // The studio then checks the server in the background until it answers again.
      if (isUnreachableError(error)) markUnreachable(origin);
      else if (error instanceof ImagesApiError && error.status !== undefined) markReachable(origin);
      // The provider refused the key: the chip says so, as after a failed Test connection,
      // until the key changes or a request with it works.
      if (
        error instanceof ImagesApiError &&
        error.kind === 'auth' &&
        error.status === 401 &&
        spec.provider.kind !== 'local' &&
        spec.provider.apiKey.trim() !== ''
      ) {
        recordConnectionTest(spec.provider, { label: 'Key not accepted', unreachable: false });
      }
      // The provider named the setting it refused: the form shows it on that field.
      if (
        !cancelled &&
        spec.operation !== 'variation' &&
        error instanceof ImagesApiError &&
        error.kind === 'bad_request' &&
        error.status !== undefined &&
        error.param
      ) {
        showProviderFieldError(spec.operation, error.param, error.detail ?? error.title);
      }
      const endedAt = Date.now();
      store.patch(id, (job) => ({
        status: cancelled ? 'cancelled' : 'failed',
        error: failureOf(cancelled ? abortedError() : error, spec),
        partials: [],
        retry: undefined,
        // A retry is counted when announced; cancelled during its wait, it was never sent.
        retries: job.retry && job.retry.at > endedAt ? job.retry.attempt - 1 : job.retries,
        endedAt,
      }));
    })
    .then(() => {
      endJob();
      releaseUnrecorded(id);
      useJobStore.getState().settle(id);
      const ended = jobById(id)!;
      // Unsaved images keep their record: Try saving again or dismissing ends it.
      if (ended.status !== 'unsaved') void recording.then(() => forgetRecord(id));
      return ended;
    });
  void import('./job-records.ts').then(({ holdJobLock }) => holdJobLock(id, finished));
  spec.onRun?.(id, finished);
  return { id, finished };
}

/** What the job shows once its answer is in: the result and when it came. */
type Answered = Pick<ImageJob, 'retry' | 'endedAt'> & { result: ImageJobResult };

async function storeResult(id: string, answered: Answered, explicit = false): Promise<void> {
  const store = useJobStore.getState();
  const saveResult = store.handles[id]?.save ?? saveToGallery;
  try {
    // The gallery deletes the job's record in the transaction that saves its images.
    const entries = await saveResult(answered.result, { explicit, jobId: id });
    // Saved, and its record gone with it: a page leaving now has nothing to keep for it.
    releaseUnrecorded(id);
    store.patch(id, {
      ...answered,
      status: 'done',
      entryIds: entries.map((e) => e.id),
      partials: [],
    });
  } catch (error) {
    store.patch(id, {
      ...answered,
      status: 'unsaved',
      saveError: saveFailure(error),
      partials: [],
    });
  }
}

/** Tries to store an unsaved result again (after the user freed space, closed a tab…). */
export async function retrySave(id: string): Promise<void> {
  const job = jobById(id);
  if (!job?.result || job.status !== 'unsaved') return;
  useJobStore.getState().patch(id, { status: 'saving', saveError: undefined });
  await storeResult(id, { result: job.result, endedAt: job.endedAt }, true);
}

export function cancelJob(id: string): void {
  useJobStore.getState().handles[id]?.controller?.abort();
}

/** Removes a job from the list and lets go of its images, its files and its request. */
export function dismissJob(id: string): void {
  cancelJob(id);
  useJobStore.getState().remove(id);
  forgetRecord(id);
}

const RECORD_WAIT_MS = 1500;
/** A save taking longer than this shows the job as saving (most take a few tens of ms). */
const SAVING_SHOWN_AFTER_MS = 150;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// The records live in the gallery's database: loaded on first use, like saveToGallery.
// Resolves true once the record is written, false if it was not (never rejects).
function recordInFlight(record: JobRecord): Promise<boolean> {
  return import('./job-records.ts')
    .then(({ recordJob }) => recordJob(record))
    .then(
      () => true,
      (error: unknown) => {
        console.warn('Easel: the job was not recorded', error);
        return false;
      },
    );
}

function forgetRecord(id: string): void {
  void import('./job-records.ts')
    .then(({ forgetJob }) => forgetJob(id))
    .catch((error: unknown) => console.warn('Easel: a job record was not removed', error));
}

/**
 * Runs the same request again as a new job (the "Try again" of a failed one), on the
 * provider as it is set now: after "open provider settings" the corrected key is used.
 */
export function rerunJob(id: string): string | null {
  const handle = useJobStore.getState().handles[id];
  if (!handle) return null;
  const { spec } = handle;
  const provider = getActiveProvider();
  const servedModel = provider.models?.some((m) => m.id === spec.servedModel)
    ? spec.servedModel
    : undefined;
  const rerun = runImageJob({ ...spec, provider, servedModel }, handle.save).id;
  useJobStore.getState().patch(id, { retriedAs: rerun });
  return rerun;
}
