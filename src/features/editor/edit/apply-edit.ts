/**
 * "Apply edit": sends the prepared image (plus any reference images) and the exported mask
 * through the shared job runner, so the edit queues, retries, can be cancelled and is saved
 * to the gallery (with its parent and mask) before it is called done.
 *
 * Contract: nothing the designer made is touched here: the painted mask, the prompt and
 * the settings stay as they were whatever the outcome. For GPT image models with "Keep
 * unpainted pixels" on, the mask sent is the painted area grown by a few pixels (so the
 * model redraws the rim the blend uses; the painted canvas itself is not changed), and
 * each returned image is composed back onto the original (soft by default, in the compose
 * worker) before it is saved; the raw image is kept for the compare view, which can
 * compose it again. "Try again" on a failed edit sends the very same files again.
 */
import { editImage } from '../../../api/edit-image.ts';
import type { ImageJobResult } from '../../../api/image-result.ts';
import { getModel, isGptImage, rulesFor } from '../../../api/model-lookup.ts';
import type { PromptSubmission } from '../../prompt/prompt-panel.tsx';
import type { ImageJob } from '../../jobs/job-store.ts';
import { runImageJob } from '../../jobs/run-image-job.ts';
import { composeWorker } from '../compose/compose-client.ts';
import type { ComposeSettings } from '../compose/compose-settings.ts';
import type { Registration } from '../compose/registration.ts';
import { saveSessionNow } from '../hooks/use-session-persistence.ts';
import { exportCurrentMask } from '../mask/mask-export-service.ts';
import { hasTransparency, useSessionStore } from '../stores/session-store.ts';
import { useEditResultsStore, type EditResult } from './edit-results-store.ts';

export async function applyEdit({
  provider,
  params,
  servedModel,
}: PromptSubmission): Promise<void> {
  const results = useEditResultsStore.getState();
  const session = useSessionStore.getState();
  const { source, prepared, mask, references } = session;
  const images = rulesFor(params.model, 'edit')?.images;
  if (!source || !prepared || !mask || !images) return;
  useEditResultsStore.setState({ applyError: null });

  let exported;
  try {
    // The session is saved before anything is sent: a reload while the edit runs finds the
    // image and the mask it carried.
    [exported] = await Promise.all([exportCurrentMask(mask), saveSessionNow()]);
  } catch (error) {
    useEditResultsStore.setState({
      applyError: `The mask could not be exported (${(error as Error).message}). Your painting is kept; try again.`,
    });
    return;
  }
  const painted = exported.paintedPixels > 0;
  const transparent = hasTransparency(session);
  if (!painted && !isGptImage(params.model) && !transparent) {
    useEditResultsStore.setState({
      applyError: `Paint the area to change first: ${getModel(params.model).label} changes only where the mask (or the image itself) is transparent.`,
    });
    return;
  }

  const maskIsGuidance = isGptImage(params.model);
  const compose = maskIsGuidance && painted && results.keepUnpainted;
  let sent: { png: Blob; settings: ComposeSettings | null } = { png: exported.png, settings: null };
  if (compose) {
    try {
      sent = await composeWorker().prepareMask(exported.png, results.composeMode);
    } catch (error) {
      useEditResultsStore.setState({
        applyError: `The mask could not be prepared (${(error as Error).message}). Your painting is kept; try again.`,
      });
      return;
    }
  }
  const settings = sent.settings;
  const inputs = {
    images: [prepared.png, ...references.slice(0, images.maxCount - 1).map((r) => r.blob)],
    ...(painted ? { mask: sent.png } : {}),
  };
  // What the provider returned for each run, before compose-back (for the compare view),
  // and what the registration check found for each composed image.
  const rawOf = new WeakMap<ImageJobResult, (Blob | null)[]>();
  const registrationOf = new WeakMap<ImageJobResult, (Registration | null)[]>();

  // Every run of this edit — the first and each "Try again" — becomes the current job, and
  // its images join the session's results when it ends. Only the newest edit's result takes
  // the view: one that ends after the designer has sent another just joins the strip, so the
  // canvas is not pulled away from under the brush.
  const onRun = (id: string, finished: Promise<ImageJob>) => {
    useEditResultsStore.setState({ currentJobId: id });
    void finished.then((job) => {
      if (!job.result) return;
      const raw = rawOf.get(job.result) ?? [];
      const registrations = registrationOf.get(job.result) ?? [];
      const returned: EditResult[] = job.result.images.flatMap((image, i) => {
        const rawBytes = raw[i] ?? image.bytes;
        if (!rawBytes) return [];
        const entryId = job.entryIds?.[i];
        const registration = registrations[i];
        return [
          {
            raw: rawBytes,
            composed: settings && image.bytes !== rawBytes ? image.bytes : null,
            settings,
            ...(registration ? { registration } : {}),
            ...(entryId ? { entryId } : {}),
          },
        ];
      });
      const store = useEditResultsStore.getState();
      store.addBatch(
        {
          id,
          prompt: params.prompt ?? '',
          model: params.model,
          original: prepared.png,
          width: prepared.geometry.width,
          height: prepared.geometry.height,
          mask: painted ? sent.png : null,
          painted: painted ? exported.png : null,
          maskIsGuidance,
          results: returned,
        },
        store.currentJobId === id,
      );
    });
  };

  runImageJob({
    operation: 'edit',
    provider,
    params,
    servedModel,
    ...(source.parentId ? { parentId: source.parentId } : {}),
    inputs,
    onRun,
    request: async (to, options) => {
      const result = await editImage(to, params, inputs, options);
      const raw = result.images.map((image) => image.bytes);
      if (!settings) {
        rawOf.set(result, raw);
        return result;
      }
      const composed = await Promise.all(
        result.images.map((image) =>
          image.bytes
            ? composeWorker().composeOnce(prepared.png, image.bytes, exported.png, settings)
            : null,
        ),
      );
      const composedResult = {
        ...result,
        images: result.images.map((image, i) => {
          const done = composed[i];
          if (!done || !image.bytes) return image;
          // A reframed picture is not pasted over: the raw result is kept and saved.
          if (done.registration.kind === 'reframed') {
            return {
              ...image,
              compose: { raw: image.bytes, settings: { ...settings, mode: 'raw' as const } },
            };
          }
          return {
            ...image,
            bytes: done.png,
            width: prepared.geometry.width,
            height: prepared.geometry.height,
            compose: { raw: image.bytes, settings },
          };
        }),
      };
      rawOf.set(composedResult, raw);
      registrationOf.set(
        composedResult,
        composed.map((c) => c?.registration ?? null),
      );
      return composedResult;
    },
  });
}
