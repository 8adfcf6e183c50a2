/**
 * The session's image jobs (generations, edits, variations), newest first: the one place
 * their state lives. What the queue, the results and the editor show is read from here.
 *
 * Contract: an ImageJob is a plain record — data, Blobs and no functions or class
 * instances — so it can be stored as it is (IndexedDB clones it) and shown after a reload.
 * What only this page can hold for a job (the function that sends it again, the
 * AbortController of a running request) sits beside it in `handles`, under the same id.
 * Removing a job drops both, so nothing keeps its images, partial frames or input files.
 */
import { create } from 'zustand';
import type { ImagesApiErrorInit } from '../../api/errors.ts';
import type { ImageJobResult } from '../../api/image-result.ts';
import type { Operation } from '../../api/model-types.ts';
import type { ImageParams } from '../../api/params.ts';
import type { Provider } from '../../api/provider.ts';
import type { ImageRequestOptions } from '../../api/run-image-request.ts';
import type { ComposeSettings } from '../../lib/compose/compose-settings.ts';

type JobStatus =
  | 'queued' // waiting for a free slot: too many requests to this provider already run
  | 'running' // waiting for the provider (or between retries)
  | 'saving' // images received, being written to the gallery
  | 'done' // saved
  | 'unsaved' // images received, but the gallery could not store them
  | 'failed'
  | 'cancelled'
  | 'interrupted'; // the page was reloaded or closed while it ran (restored from its record)

interface JobRetry {
  attempt: number;
  maxRetries: number;
  /** When the retry is sent (epoch ms). */
  at: number;
  reason: string;
}

/** The files a request sends besides its params: what "Try again" sends again. */
export interface JobInputs {
  /** The image(s) to edit (the source first, then references), or a variation's source. */
  images: Blob[];
  /** The edit's mask PNG (alpha 0 = edit here), when one was painted. */
  mask?: Blob;
  /** How the editor treats an edit's results (kept so Try again after a reload does too). */
  edit?: EditRecipe;
}

/**
 * What the editor does with an edit's results besides saving them: compose each one back
 * onto the image sent (`images[0]`) and show the run in its results strip.
 */
export interface EditRecipe {
  /** The editor image (its key when sent) whose results strip the run joins. */
  sourceKey: string | null;
  /** Whether the run joins the strip at all (an Extend of several frames does not). */
  inStrip: boolean;
  width: number;
  height: number;
  /** The painted (or new) area before grow, API mask convention; null: nothing painted. */
  painted: Blob | null;
  /** Whether the model took the mask as guidance only (GPT image models). */
  maskIsGuidance: boolean;
  /** How each result is composed back (null: kept as returned). */
  compose: ComposeSettings | null;
}

/** Why a job failed, as the provider and the studio explained it (ImagesApiError's fields). */
export type JobFailure = ImagesApiErrorInit;

/** The images asked again for refused ones, and the record that stands for them. */
export interface TopUpAnswer {
  result: ImageJobResult;
  recordId: string;
}

/** Asking again for refused images (top-up-refused.ts), and an answer not yet saved. */
export interface TopUp {
  running: boolean;
  error?: string;
  /** The images asked again are shown on the card, but the gallery could not store them. */
  unsaved?: TopUpAnswer & { message: string; action: string };
}

export interface ImageJob {
  id: string;
  operation: Operation;
  /** Shown in the Generate view's queue although it is an edit (More like this). */
  view?: 'generate';
  prompt: string;
  params: ImageParams;
  inputs?: JobInputs;
  servedModel?: string;
  providerName: string;
  /** The local engine charges nothing: a running job's estimate says what OpenAI would. */
  providerKind?: Provider['kind'];
  /** The provider's origin, to tell whether a "could not reach" failure has since cleared. */
  providerOrigin: string;
  startedAt: number;
  endedAt?: number;
  status: JobStatus;
  retry?: JobRetry;
  /** How many automatic retries were made (shown after the job ends too). */
  retries: number;
  /** The newest partial frame of each image being streamed, by image index, while running. */
  partials: Blob[];
  partialCount: number;
  result?: ImageJobResult;
  entryIds?: string[];
  error?: JobFailure;
  saveError?: { message: string; action: string };
  parentId?: string;
  /** The job "Try again" started from this one, if any. */
  retriedAs?: string;
  /** Asking again for the images of the answer that were refused (top-up-refused.ts). */
  topUp?: TopUp;
}

/**
 * Stores a finished result; the gallery's saveResults unless a test supplies another.
 * `explicit`: the user pressed Try saving again (tried even after a full disk stopped saving).
 */
export type SaveResult = (
  result: ImageJobResult,
  options?: { explicit?: boolean; jobId?: string },
) => Promise<{ id: string }[]>;

/** How to send a request: what runImageJob takes, and keeps to run it again. */
export interface ImageJobSpec {
  operation: Operation;
  view?: 'generate';
  params: ImageParams;
  provider: Provider;
  inputs?: JobInputs;
  servedModel?: string;
  parentId?: string;
  /**
   * Calls the operation's fetcher (with `inputs`, when it sends files) and the runner's
   * signal and callbacks. It takes the provider so "Try again" can use the settings as they
   * are now (a corrected key).
   */
  request: (provider: Provider, options: ImageRequestOptions) => Promise<ImageJobResult>;
  /**
   * Called for every run of this spec — the first and each "Try again" — with the new job's
   * id and its outcome, so a feature that shows results its own way (the editor) also sees
   * a retried run's result.
   */
  onRun?: (id: string, finished: Promise<ImageJob>) => void;
}

/** What only this page holds for a job: how to run it again, and how to stop it. */
interface JobHandle {
  spec: ImageJobSpec;
  save: SaveResult;
  /** Present while the request is in flight. */
  controller?: AbortController;
}

type JobPatch = Partial<ImageJob> | ((job: ImageJob) => Partial<ImageJob>);

interface JobState {
  jobs: ImageJob[];
  handles: Record<string, JobHandle>;
  add: (job: ImageJob, handle: JobHandle) => void;
  /** Adds jobs from an earlier page (interrupted ones, this tab's results): no handle. */
  restore: (jobs: ImageJob[]) => void;
  patch: (id: string, patch: JobPatch) => void;
  /** The request ended: its AbortController is no longer needed. */
  settle: (id: string) => void;
  /** Forgets the job and its handle. */
  remove: (id: string) => void;
}

export const useJobStore = create<JobState>()((set) => ({
  jobs: [],
  handles: {},
  add: (job, handle) =>
    set((s) => ({ jobs: [job, ...s.jobs], handles: { ...s.handles, [job.id]: handle } })),
  restore: (restored) =>
    set((s) => {
      const known = new Set(s.jobs.map((job) => job.id));
      // Newest first, whichever restore (interrupted, this tab's results) came back first.
      const jobs = [...s.jobs, ...restored.filter((job) => !known.has(job.id))];
      return { jobs: jobs.sort((a, b) => b.startedAt - a.startedAt) };
    }),
  patch: (id, patch) =>
    set((s) => ({
      jobs: s.jobs.map((job) =>
        job.id === id ? { ...job, ...(typeof patch === 'function' ? patch(job) : patch) } : job,
      ),
    })),
  settle: (id) =>
    set((s) => {
      const handle = s.handles[id];
      if (!handle?.controller) return s;
      return { handles: { ...s.handles, [id]: { spec: handle.spec, save: handle.save } } };
    }),
  remove: (id) =>
    set((s) => {
      const { [id]: _removed, ...handles } = s.handles;
      return { jobs: s.jobs.filter((job) => job.id !== id), handles };
    }),
}));

export const isActive = (job: ImageJob) =>
  job.status === 'queued' || job.status === 'running' || job.status === 'saving';

export const jobById = (id: string): ImageJob | undefined =>
  useJobStore.getState().jobs.find((job) => job.id === id);
