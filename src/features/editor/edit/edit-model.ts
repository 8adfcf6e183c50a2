/**
 * The model an edit goes to is stored once, in the prompt panel's edit draft (chosen there,
 * kept across reloads with it). The editor reads it from there rather than keeping a copy.
 */
import type { ModelId } from '../../../api/model-types.ts';
import { useDraftStore } from '../../prompt/draft-store.ts';

export function editModel(): ModelId {
  return useDraftStore.getState().drafts.edit.model;
}

export function useEditModel(): ModelId {
  return useDraftStore((s) => s.drafts.edit.model);
}
