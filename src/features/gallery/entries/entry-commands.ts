/**
 * What can be done with one gallery image, shared by its detail view and the hover actions
 * on its tile: edit it, download it, start more like it, mark it a favourite. Each reports
 * its failure — in the gallery's notice, or where the caller shows it (the viewer lies over
 * that notice: its Info panel shows its own) — so a refused action never passes silently.
 */
import { useViewStore } from '../../../lib/studio-view.ts';
import { downloadBlob } from '../../../lib/download-blob.ts';
import { openInEditor } from '../../editor/open-in-editor.ts';
import type { LikeThisMode } from '../../jobs/like-this-mode.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { entryFileName } from '../../gallery-store/entry-file.ts';
import { readImage, readMask } from '../../gallery-store/gallery-reads.ts';
import { setFavourite } from '../../gallery-store/gallery-writes.ts';
import { useArchiveStore } from '../stores/archive-store.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';

/** Says that `what` failed, and why: by default in the gallery's notice. */
export type ReportFailure = (what: string, error: unknown) => void;

const toGalleryNotice: ReportFailure = (what, error) =>
  useArchiveStore.getState().reportFailure(what, error);

/** Runs `action`, saying "<what> failed: …" through `report` if it throws. */
export function reporting(
  what: string,
  action: () => Promise<unknown>,
  report: ReportFailure = toGalleryNotice,
): () => void {
  return () => void action().catch((error: unknown) => report(what, error));
}

export const downloadEntry = (entry: GalleryEntry, report?: ReportFailure) =>
  reporting(
    'Downloading',
    async () => downloadBlob(await readImage(entry.id), entryFileName(entry)),
    report,
  );

/**
 * Opens the image in the editor (which switches the view itself and says why if it refuses
 * it). An edit goes on with the mask it was made with, as the editor's "Edit this result"
 * does: the result has the framing of the image that was sent, so the mask covers it whole.
 */
export const editEntry = (entry: GalleryEntry, report?: ReportFailure) =>
  reporting(
    'Opening the editor',
    async () => {
      const [image, mask] = await Promise.all([
        readImage(entry.id),
        entry.maskId ? readMask(entry.maskId) : null,
      ]);
      useGalleryUi.getState().openEntry(null);
      await openInEditor({
        image,
        name: entryFileName(entry),
        parentId: entry.id,
        ...(mask ? { mask } : {}),
      });
    },
    report,
  );

/**
 * Variations (DALL·E 2) or, where the provider serves none, More like this (a GPT image
 * edit); the job runs in the Generate view's queue.
 */
export const likeThisEntry = (
  entry: GalleryEntry,
  mode: LikeThisMode | null,
  report?: ReportFailure,
) =>
  reporting(
    `Starting ${mode?.label ?? 'variations'}`,
    async () => {
      // The request code loads at the press, not with the gallery.
      const [image, { startLikeThis }] = await Promise.all([
        readImage(entry.id),
        import('../../jobs/start-variations.ts'),
      ]);
      const started = await startLikeThis(image, {
        width: entry.width,
        height: entry.height,
        prompt: entry.prompt,
        parentId: entry.id,
      });
      if (started === null) return;
      useGalleryUi.getState().openEntry(null);
      useViewStore.getState().showView('generate');
    },
    report,
  );

export const toggleFavourite = (entry: GalleryEntry) =>
  reporting('Changing favourites', () => setFavourite([entry.id], entry.favourite !== 1));

/** The tooltip that says what "More like this" / "Make variations" will do. */
export function likeThisHint(mode: LikeThisMode): string {
  return mode.kind === 'variations'
    ? 'Variations of this image, as many as Number of images asks, in the Generate view'
    : 'An edit of this image by a GPT image model, as many as Number of images asks, in the Generate view';
}
