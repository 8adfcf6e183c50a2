/**
 * "Extend": makes the canvas the Extend canvas tool laid out, with the prompt and model of
 * the side panel. One request when the model can make the whole canvas (the results, n of
 * them, join the session's results, each soft-composed onto the canvas as sent, to compare
 * and choose); otherwise overlapping frames, one after another, each seeing what the ones
 * before it made, the canvas shown as each completes; the finished canvas joins the
 * results and the gallery.
 *
 * Contract: nothing is lost on a failure: the frames done so far stay on the canvas and in
 * the gallery (each, and the canvas they made as one picture, which joins the results), the
 * message says which frames are missing and where they lie, the prompt and the layout stay,
 * and pressing Extend again on the same layout goes on from the canvas as it was left: only
 * the missing frames are asked for (and estimated), and the finished picture is the whole
 * canvas. "Start over" (or a change of layout) forgets the frames made. A compose worker
 * that stops mid-way is replaced once, with the frames made so far (extend-session.ts), so
 * no frame is paid for twice.
 */
import { isGptImage, rulesFor } from '../../../api/model-lookup.ts';
import type { PromptSubmission } from '../../prompt/prompt-panel.tsx';
import { composeWorker } from '../compose/compose-client.ts';
import { extendSession } from './extend-session.ts';
import type { ComposeSettings } from '../../../lib/compose/compose-settings.ts';
import { runComposedEdit } from '../edit/composed-edit-job.ts';
import { useEditResultsStore } from '../edit/edit-results-store.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { overlapBand } from './extend-geometry.ts';
import { frameParams, makesWholeCanvas, planExtend } from './extend-plan.ts';
import { frameCost, framesCost } from './frames-cost.ts';
import type { ImageJob } from '../../jobs/job-store.ts';
import { useExtendStore } from './extend-store.ts';
import {
  firstAnswer,
  forgetStopped,
  framesToMake,
  retryStarted,
  stopExtend,
  useStoppedExtend,
  type MadeFrame,
  type StoppedExtend,
} from './extend-resume.ts';
import { describeFrames } from './frame-places.ts';
import { capital, sentence, stoppedMessage } from './stopped-words.ts';
import { broughtBack } from './resume-stored-extend.ts';
import { saveExtended } from './save-extended.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import { sourceEntryId } from '../edit/source-entry.ts';

/** Soft compose for a frame: the new area whole, the band blended, colours matched. */
const frameCompose = (band: number): ComposeSettings => ({
  mode: 'soft',
  grow: band,
  feather: Math.min(25, band),
  colourMatch: true,
  keepUnchanged: false,
});

const RESUMED =
  'The compose worker stopped, so Easel started a fresh one with the frames made so far and went on. Nothing was lost.';

/**
 * `given`: the answer for the first missing frame, already made (by "Try again" on that
 * frame's failed request), so it is pasted instead of asked for again.
 */
export async function applyExtend(submission: PromptSubmission, given?: ImageJob): Promise<void> {
  // Pressed while a stopped extend is brought back: it goes on from that one.
  await broughtBack();
  const extend = useExtendStore.getState();
  const { source, prepared, references } = useSessionStore.getState();
  const rules = rulesFor(submission.params.model, 'edit');
  const { canvas, at } = extend;
  // Pressed only once the upload's PNG is made (the panel says to wait until then).
  const png = prepared?.png;
  if (!prepared || !png || !rules || !canvas || !at || extend.running) return;
  const original: Rect = {
    ...at,
    width: prepared.geometry.width,
    height: prepared.geometry.height,
  };
  const frames = planExtend(rules, canvas, original);
  if (!frames) {
    extend.patch({
      error: 'This canvas is too far beyond the picture to extend. Make it smaller.',
    });
    return;
  }
  const band = overlapBand(original);
  // One request of the whole canvas: its results (n of them) are the extend's. Otherwise
  // frames, even a single one, are pasted onto the canvas, which is the result.
  const single = makesWholeCanvas(frames, canvas);
  // The reference images beside the prompt go with every frame, as with an edit.
  const lent = references.slice(0, (rules.images?.maxCount ?? 1) - 1).map((r) => r.blob);
  const guided = isGptImage(submission.params.model);
  // An extend in frames that stopped part-way on this layout goes on from where it stopped.
  const { stopped } = useStoppedExtend.getState();
  const todo = single ? frames : framesToMake(stopped, prepared, canvas, at, frames);
  const resuming: StoppedExtend | null = todo.length < frames.length ? stopped : null;
  const first = frames.length - todo.length;
  // A stopped extend this plan does not go on from (another model plans other frames): Extend
  // starts over, so its frames are forgotten now, as the view said they would be.
  if (stopped && !resuming) void forgetStopped();
  // The first missing frame's answer, if its "Try again" made it (or is making it).
  const answered = firstAnswer(resuming, given);
  const session = extendSession(
    composeWorker(),
    crypto.randomUUID(),
    { original: png, canvas, at },
    () => extend.patch({ notice: RESUMED }),
    resuming?.made ?? [],
  );
  // Going on, the canvas so far stays in view until the next frame is pasted.
  const shown = resuming ? (useExtendStore.getState().progress?.preview ?? null) : null;
  if (!shown) useExtendStore.getState().progress?.preview?.close();
  extend.patch({
    running: true,
    error: null,
    notice: null,
    progress: { done: first, total: frames.length, preview: shown },
  });
  let parentId: string | undefined;
  let before: Promise<Blob | null> | null = resuming ? Promise.resolve(resuming.before) : null;
  // The frames on the canvas, in order, with their gallery entries and costs.
  const made: MadeFrame[] = [...(resuming?.made ?? [])];
  /** The canvas so far, saved and added to the results; why it could not be saved, if not. */
  const keepCanvas = async (png: Blob, show: boolean): Promise<string | null> => {
    let entryId: string | undefined;
    let unsaved: string | null = null;
    try {
      entryId = await saveExtended(submission, png, canvas, parentId);
    } catch (error) {
      unsaved = (error as Error).message;
    }
    // Its batch has no one job to read a cost from: its frames' costs, added up.
    const cost = framesCost(made.map((m) => m.cost));
    useEditResultsStore.getState().addBatch(
      {
        id: crypto.randomUUID(),
        sourceKey: source?.key ?? null,
        prompt: submission.params.prompt ?? '',
        model: submission.params.model,
        original: (await before) ?? png,
        width: canvas.width,
        height: canvas.height,
        mask: null,
        painted: null,
        maskIsGuidance: false,
        results: [{ raw: png, composed: null, settings: null, ...(entryId ? { entryId } : {}) }],
        ...(cost ? { cost } : {}),
      },
      show,
    );
    return unsaved;
  };
  try {
    // The designer's own file is stored once in the gallery, so the extension links to it.
    [parentId] = await Promise.all([source ? sourceEntryId(source) : undefined, session.open()]);
    // Compare's "before" for an extend in frames: the picture on the new canvas, as the first
    // frame found it (asked now, before any frame is pasted; a failure only costs the view).
    before ??= single ? null : session.png().catch(() => null);
    for (const [j, planned] of todo.entries()) {
      const i = first + j;
      const { request, ...frame } = planned;
      // An answer scaled down to its frame no longer holds the known pixels exactly, so it
      // is composed back onto them like a GPT image model's answer.
      const composed = guided || request.width !== frame.width;
      const files = await session.frame(frame, band);
      // Frames continue one another, so each takes the first image; one request offers n.
      const params = frameParams(submission.params, planned, single);
      // "Try again" on this frame's failed request goes on with the extend from it, if the
      // extend is still stopped there (not started over, nor gone on with Extend meanwhile).
      const onRerun = (finished: Promise<ImageJob>) =>
        retryStarted(i, finished, (rerun) => {
          if (!useExtendStore.getState().running) void applyExtend(submission, rerun);
        });
      const reused = j === 0 ? await answered : null;
      const job = reused
        ? reused
        : await runComposedEdit({
            ...submission,
            params,
            ...(parentId ? { parentId } : {}),
            inputs: { images: [files.image, ...lent], mask: files.mask },
            compose: composed
              ? {
                  original: files.image,
                  painted: files.newArea,
                  settings: frameCompose(band),
                  ...frame,
                }
              : null,
            batch: single
              ? {
                  sourceKey: source?.key ?? null,
                  original: files.image,
                  width: frame.width,
                  height: frame.height,
                  mask: files.mask,
                  painted: files.newArea,
                  maskIsGuidance: composed,
                }
              : null,
            ...(single ? {} : { onRerun }),
          });
      const image = job.result?.images.find((one) => one.bytes)?.bytes;
      if (!image) {
        // What to do about it (and its button) is in the failed request's row below.
        const why = sentence(job.error ? job.error.title : 'it returned no image');
        throw new Error(
          single
            ? `The extend did not finish: ${why}`
            : `${capital(describeFrames([frame], original))} (${i + 1} of ${frames.length}) did not finish: ${why}`,
        );
      }
      if (single) break;
      const preview = await session.paste(frame, image);
      const entryId = job.entryIds?.[0];
      made.push({ frame, result: image, ...(entryId ? { entryId } : {}), cost: frameCost(job) });
      useExtendStore.getState().progress?.preview?.close();
      extend.patch({ progress: { done: i + 1, total: frames.length, preview } });
    }
    if (!single) {
      // Finished: a reload from now on does not offer to go on with it.
      await forgetStopped();
      const unsaved = await keepCanvas(await session.png(), true);
      if (unsaved) {
        extend.patch({
          error: `The extended picture could not be saved to the gallery (${unsaved}). It is shown in Compare: download it to keep it.`,
        });
      }
    }
  } catch (error) {
    const why = sentence((error as Error).message);
    // The frames made stay on the canvas (the view shows it while frames are missing) and
    // are kept as one picture, unless this run added none to the one kept already; the
    // canvas is asked for once more, from a fresh worker if this one stopped.
    const added = made.length - (resuming?.made.length ?? 0);
    const partial =
      added > 0
        ? await session.png().then(
            (png) => keepCanvas(png, false).then((unsaved) => ({ unsaved })),
            () => null,
          )
        : resuming
          ? { unsaved: null }
          : null;
    // What was made is remembered (the frames' answers too, if the canvas itself was lost),
    // on disk before the failure is shown, so Extend goes on from it, after a reload too.
    const unkept = await stopExtend(
      made.length > 0
        ? {
            upload: { sourceKey: prepared.sourceKey, geometry: prepared.geometry },
            canvas,
            at,
            frames,
            made,
            before: await before,
          }
        : null,
      { file: source?.file, sourceId: parentId, geometry: prepared.geometry },
    );
    useExtendStore.getState().patch({
      notice: null,
      error: stoppedMessage(why, frames, made.length, original, partial, unkept),
    });
  } finally {
    session.close();
    useExtendStore.getState().patch({ running: false });
  }
}
