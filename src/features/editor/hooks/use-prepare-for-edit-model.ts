import { useEffect } from 'react';
import { useDraftStore } from '../../prompt/draft-store.ts';
import { useEditResultsStore } from '../edit/edit-results-store.ts';
import { editorSource } from '../intake/editor-source.ts';

/**
 * The edit draft's model (chosen in the prompt panel) and the editor's mode decide how the
 * image is prepared: switching to DALL·E 2 asks for a square to paint an edit on, switching
 * back (or to Extend canvas, whose frames are square) lifts the crop.
 */
export function usePrepareForEditModel(): void {
  useEffect(() => {
    const offModel = useDraftStore.subscribe((state, previous) => {
      if (state.drafts.edit.model !== previous.drafts.edit.model) {
        void editorSource.modelChanged();
      }
    });
    const offMode = useEditResultsStore.subscribe((state, previous) => {
      // Into Paint or Extend canvas; Compare (where an extend ends) keeps the picture as it is,
      // and the panel says when Apply edit needs it square.
      if (state.mode !== previous.mode && state.mode !== 'compare') {
        void editorSource.modelChanged();
      }
    });
    return () => {
      offModel();
      offMode();
    };
  }, []);
}
