import { useDraftStore } from './draft-store.ts';
import type { ReusableParams } from './settings/apply-params.ts';
import type { DraftOperation } from './settings/draft-settings.ts';

/**
 * "Reuse settings": loads a result's or a gallery entry's parameters (API names, as stored
 * in ImageJobResult.params) into the draft of that operation, prompt included. Anything the
 * model no longer takes falls back to its default and the panel says so. The caller decides
 * which view to show (e.g. useViewStore.getState().showView('generate')).
 */
export function applySettings(operation: DraftOperation, params: ReusableParams): void {
  useDraftStore.getState().applyParams(operation, params);
}
