import { useMutation } from '@tanstack/react-query';
import type { ReportFailure } from '../entries/entry-commands.ts';
import { useArchiveStore } from '../stores/archive-store.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { useUndoStore } from '../stores/undo-store.ts';

// The database code loads with the first change, not with the gallery view.
const writes = () => import('../../gallery-store/gallery-writes.ts');

const toGalleryNotice: ReportFailure = (what, error) =>
  useArchiveStore.getState().reportFailure(what, error);

/**
 * Delete with undo: the removed rows stay in memory until the notice goes. A failure is
 * said through `report` (the viewer's Info panel has its own), else in the gallery's notice.
 */
export function useDeleteEntries(report: ReportFailure = toGalleryNotice) {
  return useMutation({
    mutationFn: async (ids: readonly string[]) => (await writes()).deleteEntries(ids),
    onSuccess: (deleted) => {
      const gone = new Set(deleted.entries.map((e) => e.id));
      const ui = useGalleryUi.getState();
      ui.setSelection([...ui.selected].filter((id) => !gone.has(id)));
      if (ui.openEntryId && gone.has(ui.openEntryId)) ui.openEntry(null);
      useUndoStore.getState().remember(deleted);
    },
    onError: (error) => report('Deleting', error),
  });
}

export function useUndoDelete() {
  return useMutation({
    mutationFn: async () => {
      const last = useUndoStore.getState().lastDelete;
      if (!last) return null;
      await (await writes()).restoreEntries(last.deleted);
      return last.deleted.entries[0]?.id ?? null;
    },
    onSuccess: (restored) => {
      useUndoStore.getState().forget();
      // The notice (and its Undo, which had the focus) goes: the image put back takes it.
      useGalleryUi.getState().focusEntry(restored);
    },
    onError: (error) => useArchiveStore.getState().reportFailure('Undo', error),
  });
}

export function useSetFavourite(report: ReportFailure = toGalleryNotice) {
  return useMutation({
    mutationFn: async ({ ids, favourite }: { ids: readonly string[]; favourite: boolean }) =>
      (await writes()).setFavourite(ids, favourite),
    onError: (error) => report('Changing favourites', error),
  });
}
