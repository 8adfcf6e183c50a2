import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { missingEntriesQuery } from '../../gallery-store/gallery-queries.ts';
import { useGalleryLiveUpdates } from '../../gallery-store/use-gallery-live-updates.ts';
import {
  currentBatches,
  useEditResultsStore,
  type EditResult,
} from '../edit/edit-results-store.ts';

/**
 * Whether a result of the image in the editor was deleted from the gallery since it was
 * saved (in this tab or another). The strip and Compare leave such results out, so a deleted
 * image is not still offered for download or another edit; the delete's Undo brings it back,
 * as every gallery write asks again. A result never saved (the disk was full) is kept: the
 * editor holds the only copy.
 */
export function useResultDeleted(): (result: EditResult | undefined) => boolean {
  const ids = useEditResultsStore(
    useShallow((s) =>
      currentBatches(s).flatMap((b) => b.results.flatMap((r) => (r.entryId ? [r.entryId] : []))),
    ),
  );
  // Deletes in another tab count too, with this tab's Gallery never opened.
  useGalleryLiveUpdates();
  // While a new result's answer is read, the ones known to be gone stay gone.
  const { data } = useQuery({ ...missingEntriesQuery(ids), placeholderData: keepPreviousData });
  const missing = useMemo(() => new Set(data), [data]);
  return useCallback(
    (result) => result?.entryId !== undefined && missing.has(result.entryId),
    [missing],
  );
}
