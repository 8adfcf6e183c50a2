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
import { getModel, isGptImage, rulesFor } from '../../../api/model-lookup.ts';
import type { PromptSubmission } from '../../prompt/prompt-panel.tsx';
import { saveSessionNow } from '../hooks/use-session-persistence.ts';
import { exportCurrentMask } from '../mask/mask-export-service.ts';
import { hasTransparency, useSessionStore } from '../stores/session-store.ts';
import { runComposedEdit } from './composed-edit-job.ts';
import { sourceEntryId } from './source-entry.ts';
import { useEditResultsStore } from './edit-results-store.ts';
import { maskToSend, type MaskToSend } from './mask-to-send.ts';

export async function applyEdit({
  provider,
  params,
  servedModel,
}: PromptSubmission): Promise<void> {
  const results = useEditResultsStore.getState();
  const session = useSessionStore.getState();
  const { source, prepared, mask, references } = session;
  const images = rulesFor(params.model, 'edit')?.images;
  // Pressed only once the upload's PNG is made (the panel says to wait until then).
  const original = prepared?.png;
  if (!source || !prepared || !original || !mask || !images) return;
  useEditResultsStore.setState({ applyError: null });

  let exported;
  let parentId: string | undefined;
  try {
    // The session is saved before anything is sent: a reload while the edit runs finds the
    // image and the mask it carried. The designer's own file is stored in the gallery now
    // (once), so the edit links to where it started.
    [exported, , parentId] = await Promise.all([
      exportCurrentMask(mask),
      saveSessionNow(),
      sourceEntryId(source),
    ]);
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
  let sent: MaskToSend;
  try {
    sent = await maskToSend(exported, params.model, results);
  } catch (error) {
    useEditResultsStore.setState({
      applyError: `The mask could not be prepared (${(error as Error).message}). Your painting is kept; try again.`,
    });
    return;
  }
  const settings = sent.settings;
  void runComposedEdit({
    provider,
    params,
    servedModel,
    ...(parentId ? { parentId } : {}),
    inputs: {
      images: [original, ...references.slice(0, images.maxCount - 1).map((r) => r.blob)],
      ...(painted ? { mask: sent.png } : {}),
    },
    compose: settings
      ? {
          original,
          painted: exported.png,
          settings,
          width: prepared.geometry.width,
          height: prepared.geometry.height,
        }
      : null,
    batch: {
      sourceKey: source.key,
      original,
      width: prepared.geometry.width,
      height: prepared.geometry.height,
      mask: painted ? sent.png : null,
      painted: painted ? exported.png : null,
      maskIsGuidance,
    },
    // The editor keeps them all through a failure: nothing needs painting again.
    kept: painted
      ? 'your picture, painted mask, prompt and settings'
      : 'your picture, prompt and settings',
  });
}
