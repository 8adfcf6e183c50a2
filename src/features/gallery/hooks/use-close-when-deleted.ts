import { useEffect, useRef } from 'react';
import { useArchiveStore } from '../stores/archive-store.ts';

interface ShownImage {
  id: string;
  title: string;
}

/**
 * A view of gallery images (the detail view, A/B compare) whose image was deleted in another
 * tab (this tab's own deletes close it first): it closes, says why, and lets go of the ids,
 * so that an Undo over there does not open the view here again by itself.
 * `shown`: the images while shown (their titles are named once gone); `goneId`: the one no
 * longer in the gallery, or null.
 */
export function useCloseWhenDeleted(
  shown: readonly ShownImage[],
  goneId: string | null,
  close: () => void,
) {
  const titles = useRef(new Map<string, string>());
  useEffect(() => {
    for (const { id, title } of shown) titles.current.set(id, title);
  });
  useEffect(() => {
    if (goneId === null) return;
    close();
    const title = titles.current.get(goneId);
    titles.current.clear();
    useArchiveStore
      .getState()
      .reportDone(`${title ? `“${title}”` : 'The image shown'} was deleted in another tab.`);
  }, [goneId, close]);
}
