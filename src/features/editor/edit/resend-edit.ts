/**
 * Try again on an edit a reload interrupted (issue 16, item 2), the editor's way: the same
 * files and settings, each result composed back onto the image sent as the first Apply
 * would have, saved once, and shown in the results strip and Compare when that image is
 * still the one in the editor (it is, after the reload reopened the last session).
 */
import type { EditResend } from '../../jobs/edit-resend.ts';
import { editorSource } from '../intake/editor-source.ts';
import { restoreLastSession } from '../stores/session-restore.ts';
import { startComposedEdit, specFromRecipe } from './composed-edit-job.ts';
import { keyAfterReload, restoreEditResults } from './edit-results-memory.ts';

export const resendInterruptedEdit: EditResend = async (job, to) => {
  // The last session's image and strip come back first: the new run joins that strip.
  await restoreLastSession(editorSource);
  await restoreEditResults();
  const spec = specFromRecipe(job, to, keyAfterReload(job.inputs?.edit?.sourceKey ?? null));
  return spec ? startComposedEdit(spec).id : null;
};
