import { useEffect } from 'react';
import { useDraftStore } from '../../prompt/draft-store.ts';
import { setEditModel } from '../intake/source-flow.ts';

/**
 * The edit draft's model (chosen in the prompt panel) decides how the image is prepared:
 * switching to DALL·E 2 asks for a square, switching back lifts the crop.
 */
export function useEditModelSync(): void {
  useEffect(() => {
    void setEditModel(useDraftStore.getState().drafts.edit.model);
    return useDraftStore.subscribe((state, previous) => {
      if (state.drafts.edit.model !== previous.drafts.edit.model) {
        void setEditModel(state.drafts.edit.model);
      }
    });
  }, []);
}
