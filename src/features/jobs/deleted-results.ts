/**
 * Which of this tab's results were deleted from the gallery since they were saved, in this
 * tab or another: their job cards leave them out, as a reload would (rebuild-tab-jobs.ts),
 * and a delete's Undo brings them back. watch-deleted-results.ts keeps it, from the first
 * result card on (the first screen loads no gallery code).
 */
import { create } from 'zustand';

export const useDeletedResults = create<{ missing: ReadonlySet<string> }>(() => ({
  missing: new Set(),
}));

/**
 * Whether a job has anything left to show: false once every image it saved was deleted from
 * the gallery (a job that saved none, running or failed, is always shown).
 */
export function keptInGallery(
  entryIds: readonly string[] | undefined,
  missing: ReadonlySet<string>,
): boolean {
  return !entryIds || entryIds.length === 0 || entryIds.some((id) => !missing.has(id));
}
