/**
 * Keeps a draft's model one the active provider will take, and says why when it moves:
 * - a model retired on the provider (a stored draft, a restored edit session, Reuse settings,
 *   an imported entry) moves to its successor — unless the user picked it knowingly;
 * - a provider with its own list (Azure deployments, a compatible server's ids) moves the
 *   draft to a model it offers;
 * - an id the user typed stays: the provider is the judge.
 */
import { formatDay, modelStatus } from '../../../api/model-lifecycle.ts';
import { getModel } from '../../../api/model-lookup.ts';
import { lifecycleProvider, retiredBy, type Provider } from '../../../api/provider.ts';
import type { Draft, DraftOperation } from './draft-settings.ts';
import { offeredModels, type ModelChoice } from './model-choices.ts';

export interface ModelMove {
  choice: ModelChoice;
  /** The sentence the settings notice shows; absent when only the served id changes. */
  why?: string;
}

export function reconcileModel(
  provider: Provider,
  operation: DraftOperation,
  draft: Draft,
  now: number,
): ModelMove | null {
  const offered = offeredModels(provider, operation);
  const mapped = provider.models !== undefined;
  const label = getModel(draft.model).label;
  const on = lifecycleProvider(provider);
  const status = modelStatus(draft.model, on, now);
  if (status.state === 'retired' && !draft.keepRetired && status.successor) {
    const successor = status.successor;
    const served = offered.find((m) => m.model === successor);
    if (getModel(successor).operations[operation] && (!mapped || served)) {
      return {
        choice: { model: successor, ...(served && mapped ? { servedModel: served.id } : {}) },
        why:
          `Model: ${retiredBy(provider).who} retired ${label} on ${formatDay(status.since)}` +
          `${retiredBy(provider).aside}; ` +
          `switched to ${getModel(successor).label}, its successor.`,
      };
    }
  }
  if (draft.custom) return null;
  if (!mapped) {
    // Local and OpenAI take any id under its own name: only a served id from another
    // provider is dropped.
    return draft.servedModel === undefined ? null : { choice: { model: draft.model } };
  }
  if (offered.some((m) => m.id === draft.servedModel && m.model === draft.model)) return null;
  const target = offered.find((m) => m.model === draft.model) ?? offered[0];
  if (!target) return null;
  return {
    choice: { model: target.model, servedModel: target.id },
    ...(target.model === draft.model
      ? {}
      : {
          why:
            `Model: ${provider.name} does not offer ${label}; ` +
            `switched to ${getModel(target.model).label}.`,
        }),
  };
}
