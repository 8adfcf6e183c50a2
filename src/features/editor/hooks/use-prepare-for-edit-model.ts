import { useEffect } from 'react';
import { useDraftStore } from '../../prompt/draft-store.ts';
import { editorSource } from '../intake/editor-source.ts';

/**
 * The edit draft's model (chosen in the prompt panel) decides how the image is prepared:
 * switching to DALL·E 2 asks for a square, switching back lifts the crop.
 */
export function usePrepareForEditModel(): void {
  useEffect(
    () =>
      useDraftStore.subscribe((state, previous) => {
        if (state.drafts.edit.model !== previous.drafts.edit.model) {
          void editorSource.modelChanged();
        }
      }),
    [],
  );
}
