/**
 * Which "another one of these" the active provider offers: Make variations (a variations
 * model) or More like this (an edit on a GPT image model). Small and synchronous, for the
 * label on every tile; the request code itself (start-variations.ts) loads at the press.
 */
import { modelStatus } from '../../api/model-lifecycle.ts';
import { getModel, rulesFor } from '../../api/model-lookup.ts';
import type { ModelId } from '../../api/model-types.ts';
import { lifecycleProvider, providerModels, type Provider } from '../../api/provider.ts';
import { useDraftStore } from '../prompt/draft-store.ts';

export interface LikeThisMode {
  kind: 'variations' | 'more-like-this';
  model: ModelId;
  /** The id the provider serves it under (Azure, compatible). */
  servedModel?: string;
  /** "Make variations" or "More like this". */
  label: string;
}

/** How this provider makes "another one of these", on this day; null when it cannot. */
export function likeThisMode(provider: Provider, now: number): LikeThisMode | null {
  const on = lifecycleProvider(provider);
  const live = providerModels(provider).filter(
    (m) => modelStatus(m.model, on, now).state !== 'retired',
  );
  const served = (id: string) => (provider.models !== undefined ? { servedModel: id } : {});
  const variations = live.find((m) => rulesFor(m.model, 'variation'));
  if (variations) {
    return {
      kind: 'variations',
      model: variations.model,
      ...served(variations.id),
      label: 'Make variations',
    };
  }
  const preferred = useDraftStore.getState().drafts.edit.model;
  const editors = live.filter(
    (m) => getModel(m.model).family === 'gpt-image' && rulesFor(m.model, 'edit'),
  );
  const editor = editors.find((m) => m.model === preferred) ?? editors[0];
  if (!editor) return null;
  return {
    kind: 'more-like-this',
    model: editor.model,
    ...served(editor.id),
    label: 'More like this',
  };
}
