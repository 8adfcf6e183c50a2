/**
 * A canvas extended in several frames is saved to the gallery as one edit of the whole
 * canvas (each frame is saved as its own edit too, as it completes), so the finished
 * picture is kept like any other result. The gallery's database code loads with the first
 * save, not with the Edit view.
 */
import { providerLabel } from '../../../api/provider.ts';
import type { Dimensions } from '../../../api/model-types.ts';
import type { PromptSubmission } from '../../prompt/prompt-panel.tsx';

/** The saved entry's id; throws the gallery's error when it could not be stored. */
export async function saveExtended(
  submission: PromptSubmission,
  png: Blob,
  canvas: Dimensions,
  parentId: string | undefined,
): Promise<string | undefined> {
  const started = Date.now();
  const { saveResults } = await import('../../gallery-store/save-results.ts');
  const [entry] = await saveResults({
    operation: 'edit',
    model: submission.servedModel ?? submission.params.model,
    prompt: submission.params.prompt ?? '',
    params: { ...submission.params, size: `${canvas.width}x${canvas.height}`, n: 1 },
    provider: providerLabel(submission.provider),
    images: [{ bytes: png, width: canvas.width, height: canvas.height }],
    createdAt: started,
    durationMs: 0,
    ...(parentId ? { parentId } : {}),
  });
  return entry?.id;
}
