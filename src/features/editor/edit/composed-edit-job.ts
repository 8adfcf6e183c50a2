/**
 * One edit request through the shared job runner, each returned image composed back onto
 * the original in the compose worker before it is saved (so the gallery holds the
 * composite, with the raw result and the settings beside it), and, when asked, the run's
 * results added to the editor's session as a batch the compare view shows. Used by
 * "Apply edit" and by Extend canvas.
 */
import { editImage } from '../../../api/edit-image.ts';
import type { ImageJobResult } from '../../../api/image-result.ts';
import type { PromptSubmission } from '../../prompt/prompt-panel.tsx';
import type { EditRecipe, ImageJob, JobInputs } from '../../jobs/job-store.ts';
import { runImageJob } from '../../jobs/run-image-job.ts';
import { jobCost } from '../../jobs/job-cost.ts';
import { composeWorker } from '../compose/compose-client.ts';
import { composeBack } from './compose-back.ts';
import type { ComposeSettings } from '../../../lib/compose/compose-settings.ts';
import type { Registration } from '../../../lib/compose/registration.ts';
import { useEditResultsStore, type EditBatch, type EditResult } from './edit-results-store.ts';

export interface ComposedEditSpec extends PromptSubmission {
  parentId?: string;
  inputs: JobInputs & { mask?: Blob };
  /** What the results are composed onto (null: they are kept as returned). */
  compose: {
    original: Blob;
    /** The painted (or new) area, API mask convention. */
    painted: Blob;
    settings: ComposeSettings;
    width: number;
    height: number;
  } | null;
  /** The batch the results join in the editor's session, or null to keep them out of it. */
  batch: Omit<EditBatch, 'id' | 'results' | 'prompt' | 'model'> | null;
  /** Told of each "Try again" run after the first (an extend goes on from its frame). */
  onRerun?: (finished: Promise<ImageJob>) => void;
  /** What a failure says the editor keeps, when more than the prompt and settings. */
  kept?: string;
}

export function runComposedEdit(spec: ComposedEditSpec): Promise<ImageJob> {
  return startComposedEdit(spec).finished;
}

/** Starts the edit; its id at once, and the job as it ended. */
export function startComposedEdit(spec: ComposedEditSpec): {
  id: string;
  finished: Promise<ImageJob>;
} {
  const { params, compose } = spec;
  // What the registration check found for each composed image of a run, and why an image
  // that should have been composed is kept as returned.
  const registrationOf = new WeakMap<ImageJobResult, (Registration | null)[]>();
  const problemOf = new WeakMap<ImageJobResult, (string | null)[]>();

  // Every run — the first and each "Try again" — becomes the current job, and its images
  // join the session's results when it ends. Only the newest run takes the view: one that
  // ends after the designer has sent another just joins the strip.
  let runs = 0;
  const onRun = (id: string, finished: Promise<ImageJob>) => {
    if (runs++ > 0) spec.onRerun?.(finished);
    if (!spec.batch) return;
    const batch = spec.batch;
    useEditResultsStore.setState({ currentJobId: id });
    void finished.then((job) => {
      if (!job.result) return;
      const registrations = registrationOf.get(job.result) ?? [];
      const problems = problemOf.get(job.result) ?? [];
      const returned: EditResult[] = job.result.images.flatMap((image, i) => {
        const raw = image.compose?.raw ?? image.bytes;
        if (!raw) return [];
        const entryId = job.entryIds?.[i];
        const registration = registrations[i];
        const composeProblem = problems[i];
        return [
          {
            raw,
            composed: image.bytes !== raw ? image.bytes : null,
            settings: image.compose?.settings ?? null,
            ...(registration ? { registration } : {}),
            ...(composeProblem ? { composeProblem } : {}),
            ...(entryId ? { entryId } : {}),
          },
        ];
      });
      const store = useEditResultsStore.getState();
      const cost = jobCost(job);
      store.addBatch(
        {
          ...batch,
          id,
          prompt: params.prompt ?? '',
          model: params.model,
          results: returned,
          ...(cost ? { cost } : {}),
        },
        store.currentJobId === id,
      );
    });
  };

  return runImageJob({
    operation: 'edit',
    provider: spec.provider,
    params,
    servedModel: spec.servedModel,
    ...(spec.parentId ? { parentId: spec.parentId } : {}),
    // The job's record carries the recipe: Try again after a reload composes and shows alike.
    inputs: { ...spec.inputs, edit: recipeOf(spec) },
    onRun,
    request: async (to, options) => {
      const kept = spec.kept ? { kept: spec.kept } : {};
      const result = await editImage(to, params, spec.inputs, { ...options, ...kept });
      if (!compose) return result;
      const done = await Promise.all(
        result.images.map((image) => {
          const bytes = image.bytes;
          if (!bytes) return null;
          return composeBack(() =>
            composeWorker().composeOnce(compose.original, bytes, compose.painted, compose.settings),
          );
        }),
      );
      const composed = {
        ...result,
        images: result.images.map((image, i) => {
          const one = done[i];
          if (!one || !image.bytes) return image;
          // A reframed picture is not pasted over, and one that could not be composed is
          // not lost: the raw result is kept and saved.
          if (!one.ok || one.registration.kind === 'reframed') {
            const settings = { ...compose.settings, mode: 'raw' as const };
            return { ...image, compose: { raw: image.bytes, settings } };
          }
          return {
            ...image,
            bytes: one.png,
            width: compose.width,
            height: compose.height,
            compose: { raw: image.bytes, settings: compose.settings },
          };
        }),
      };
      registrationOf.set(
        composed,
        done.map((c) => (c?.ok ? c.registration : null)),
      );
      problemOf.set(
        composed,
        done.map((c) => (c && !c.ok ? c.problem : null)),
      );
      return composed;
    },
  });
}

function recipeOf({ compose, batch }: ComposedEditSpec): EditRecipe {
  return {
    sourceKey: batch?.sourceKey ?? null,
    inStrip: batch !== null,
    width: compose?.width ?? batch?.width ?? 0,
    height: compose?.height ?? batch?.height ?? 0,
    painted: compose?.painted ?? batch?.painted ?? null,
    maskIsGuidance: batch?.maskIsGuidance ?? compose !== null,
    compose: compose?.settings ?? null,
  };
}

/** The spec an edit was run from, rebuilt from its job (its record, after a reload). */
export function specFromRecipe(
  job: Pick<ImageJob, 'params' | 'parentId' | 'inputs'>,
  submission: Omit<PromptSubmission, 'params'>,
  sourceKey: string | null,
): ComposedEditSpec | null {
  const recipe = job.inputs?.edit;
  const original = job.inputs?.images[0];
  if (!recipe || !original) return null;
  const { width, height, painted } = recipe;
  const { images, mask } = job.inputs!;
  return {
    ...submission,
    params: job.params,
    ...(job.parentId ? { parentId: job.parentId } : {}),
    inputs: { images, ...(mask ? { mask } : {}) },
    compose:
      recipe.compose && painted
        ? { original, painted, settings: recipe.compose, width, height }
        : null,
    batch: recipe.inStrip
      ? {
          sourceKey,
          original,
          width,
          height,
          mask: mask ?? null,
          painted,
          maskIsGuidance: recipe.maskIsGuidance,
        }
      : null,
  };
}
