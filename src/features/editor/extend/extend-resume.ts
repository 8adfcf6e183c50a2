/**
 * What an extend in frames that stopped part-way made, so pressing Extend again on the same
 * picture and layout makes only the missing frames: this module owns it. It holds the stopped
 * extend (zustand, read by the view and the estimate), the answer a failed frame's "Try again"
 * is still waiting for, and the durable copy that brings the stopped extend back after a
 * reload (stopped-extend-db.ts, resume-stored-extend.ts).
 *
 * Contract: the stopped extend is written durably before the failure is shown, and forgotten
 * (memory and disk) on Start over, a change of layout, and once the extend finishes. Opening
 * another picture only lets go of it in memory: that picture's extend can still go on later.
 */
import { create } from 'zustand';
import type { Dimensions } from '../../../api/model-types.ts';
import type { SourceGeometry } from '../../../lib/image-geometry.ts';
import type { ImageJob } from '../../jobs/job-store.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import type { PreparedImage } from '../stores/session-store.ts';
import type { FrameCost } from './frames-cost.ts';
import { goOnWords, startAgainWords } from './stopped-words.ts';
import {
  deleteStoppedExtend,
  putStoppedExtend,
  stoppedExtendKey,
  type StoredExtend,
} from './stopped-extend-db.ts';

/** A frame made and pasted: where, the picture pasted (its gallery entry's bytes), its cost. */
export interface MadeFrame {
  frame: Rect;
  result: Blob;
  /** Its gallery entry; none when the gallery could not store it (then not kept past a reload). */
  entryId?: string;
  cost: FrameCost | null;
}

/**
 * The upload a canvas starts from, as what it is made of: the picture (its key in the image
 * worker) framed and scaled one way. Prepared again the same way (a model with other upload
 * limits picked, then left), the upload is a new file of the very same pixels, and the frames
 * made on the old one still fit it.
 */
export type UploadOf = Pick<PreparedImage, 'sourceKey' | 'geometry'>;

/** An extend in frames that stopped part-way, on one picture and layout. */
export interface StoppedExtend {
  /** The upload the canvas started from, and the frames planned on it. */
  upload: UploadOf;
  canvas: Dimensions;
  at: { x: number; y: number };
  frames: readonly Rect[];
  /** The frames made, in order: the first `made.length` of `frames`. */
  made: MadeFrame[];
  /** Compare's "before": the picture on the new canvas, before any frame. */
  before: Blob | null;
  /** Where it is kept across reloads (stopped-extend-db.ts), with what it was made from. */
  durable: { key: string; sourceId?: string; geometry: SourceGeometry } | null;
}

/** A failed frame's "Try again", on its way: Extend pressed meanwhile waits for its answer. */
interface Retrying {
  stopped: StoppedExtend;
  finished: Promise<ImageJob>;
}

export const useStoppedExtend = create<{ stopped: StoppedExtend | null }>(() => ({
  stopped: null,
}));

let retrying: Retrying | null = null;

const sameGeometry = (a: SourceGeometry, b: SourceGeometry) =>
  a.width === b.width &&
  a.height === b.height &&
  a.originX === b.originX &&
  a.originY === b.originY &&
  a.scale === b.scale;

/**
 * The frames still to make for this plan: those after the ones a stopped extend made, when
 * it was for the same picture prepared the same way, canvas, placement and frames; else all.
 */
export function framesToMake<F extends Rect>(
  stopped: StoppedExtend | null,
  upload: UploadOf | null | undefined,
  canvas: Dimensions,
  at: { x: number; y: number },
  frames: readonly F[],
): readonly F[] {
  const resumes =
    stopped !== null &&
    upload != null &&
    stopped.upload.sourceKey === upload.sourceKey &&
    sameGeometry(stopped.upload.geometry, upload.geometry) &&
    stopped.canvas.width === canvas.width &&
    stopped.canvas.height === canvas.height &&
    stopped.at.x === at.x &&
    stopped.at.y === at.y &&
    sameFrames(stopped.frames, frames);
  return resumes ? frames.slice(stopped.made.length) : frames;
}

/**
 * What pressing Extend does about a stopped extend, in words, with the frames planned now:
 * decided as framesToMake decides (so as the estimate counts and Extend sends). Only the
 * missing frames while the plan is the one they were made on; every frame once another model,
 * or the picture prepared another way, plans others (the stopped extend is kept meanwhile:
 * back on that model, it goes on again).
 */
export function extendStep(
  stopped: StoppedExtend,
  upload: UploadOf | null | undefined,
  canvas: Dimensions,
  at: { x: number; y: number },
  frames: readonly Rect[],
): string {
  const todo = framesToMake(stopped, upload, canvas, at, frames);
  return todo.length < frames.length ? goOnWords(todo.length) : startAgainWords(frames.length);
}

const sameRect = (a: Rect, b: Rect) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

export const sameFrames = (a: readonly Rect[], b: readonly Rect[]) =>
  a.length === b.length && a.every((f, i) => sameRect(f, b[i]!));

/**
 * The durable row of a stopped extend: the layout and, for each frame made, its gallery entry
 * (the bytes stay in the gallery, not copied). Only the frames up to the first one the gallery
 * could not store are kept: after a reload the extend goes on from there.
 */
export function toStored(stopped: StoppedExtend, savedAt: number): StoredExtend | null {
  const { durable } = stopped;
  if (!durable) return null;
  const stored = stopped.made.findIndex((m) => !m.entryId);
  const made = stored === -1 ? stopped.made : stopped.made.slice(0, stored);
  if (made.length === 0) return null;
  return {
    id: durable.key,
    ...(durable.sourceId ? { sourceId: durable.sourceId } : {}),
    geometry: durable.geometry,
    canvas: stopped.canvas,
    at: stopped.at,
    frames: stopped.frames.map(({ x, y, width, height }) => ({ x, y, width, height })),
    made: made.map((m) => ({ frame: m.frame, entryId: m.entryId!, cost: m.cost })),
    savedAt,
  };
}

/**
 * Which of a stored extend's frames can still be pasted: those before the first whose gallery
 * entry is gone (deleted since). None when the picture it started from was deleted.
 */
export function framesStillKept(
  stored: StoredExtend,
  missing: ReadonlySet<string>,
): StoredExtend['made'] {
  if (stored.sourceId && missing.has(stored.sourceId)) return [];
  const gone = stored.made.findIndex((m) => missing.has(m.entryId));
  return gone === -1 ? stored.made : stored.made.slice(0, gone);
}

/** Whether a stored extend was made from this picture as it is prepared now (crop, scale). */
export const storedFits = (stored: StoredExtend, geometry: SourceGeometry) =>
  sameGeometry(stored.geometry, geometry);

/** What a stopped extend was made from: the picture's file (its key on disk), entry, preparation. */
export interface StoppedFrom {
  file: Blob | undefined;
  sourceId: string | undefined;
  geometry: SourceGeometry;
}

/**
 * Remembers a stopped extend (null: none stopped, so any kept is forgotten), on disk first:
 * a reload right after still finds it. Where it cannot be kept on disk (the file unreadable,
 * the disk full) it is kept in this page only, and the answer is why, for the alert to say
 * that a reload will not offer it; null when it is kept (or there is nothing to keep).
 */
export async function stopExtend(
  made: Omit<StoppedExtend, 'durable'> | null,
  from: StoppedFrom,
): Promise<string | null> {
  if (!made) {
    await forgetStopped();
    return null;
  }
  let unkept: string | null = null;
  const key = from.file
    ? await stoppedExtendKey(from.file).catch((error: unknown) => {
        unkept = (error as Error).message;
        return null;
      })
    : null;
  const stopped: StoppedExtend = {
    ...made,
    durable: key
      ? { key, ...(from.sourceId ? { sourceId: from.sourceId } : {}), geometry: from.geometry }
      : null,
  };
  const row = toStored(stopped, Date.now());
  if (row) {
    await putStoppedExtend(row).catch((error: unknown) => {
      unkept = (error as Error).message || String(error);
    });
  } else await forgetStored(stopped);
  useStoppedExtend.setState({ stopped });
  return unkept;
}

/** Takes a stopped extend brought back from disk (it is there already). */
export const resumeStopped = (stopped: StoppedExtend) => useStoppedExtend.setState({ stopped });

async function forgetStored(stopped: StoppedExtend | null): Promise<void> {
  if (!stopped?.durable) return;
  await deleteStoppedExtend(stopped.durable.key).catch((error: unknown) =>
    console.warn('Easel: a stopped extend could not be forgotten', error),
  );
}

/**
 * Start over, a change of layout, or the extend finished: the frames made are forgotten at
 * once here, and on disk when the promise resolves.
 */
export function forgetStopped(): Promise<void> {
  const { stopped } = useStoppedExtend.getState();
  if (!stopped) return Promise.resolve();
  useStoppedExtend.setState({ stopped: null });
  return forgetStored(stopped);
}

/** Another picture opened: this one's stopped extend stays on disk, to go on with later. */
export const releaseStopped = () => useStoppedExtend.setState({ stopped: null });

/**
 * "Try again" on frame `index`'s failed request, while it runs. If the extend is stopped at
 * that frame, Extend pressed meanwhile waits for this answer (firstAnswer); once it comes,
 * `goOn` is called with it if the extend is still stopped there.
 */
export function retryStarted(
  index: number,
  finished: Promise<ImageJob>,
  goOn: (answer: ImageJob) => void,
): void {
  const here = useStoppedExtend.getState().stopped;
  const pending = here?.made.length === index ? { stopped: here, finished } : null;
  if (pending) retrying = pending;
  void finished.then((answer) => {
    if (retrying === pending) retrying = null;
    if (answer.result && useStoppedExtend.getState().stopped?.made.length === index) goOn(answer);
  });
}

/**
 * The answer for the first missing frame of the extend going on from `resuming`, already made
 * by its "Try again": `given` (the retry's own answer), or the retry still on its way.
 */
export async function firstAnswer(
  resuming: StoppedExtend | null,
  given?: ImageJob,
): Promise<ImageJob | null> {
  if (!resuming) return null;
  if (given) return given;
  return retrying?.stopped === resuming ? retrying.finished : null;
}
