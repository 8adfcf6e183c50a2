/**
 * What the model picker offers on a provider: its models that can do the operation, live
 * first, then retiring ones with their date, then — only when asked — retired ones. Status
 * comes from the provider's published lifecycle on the day the studio runs on; the local
 * engine and compatible servers have none, so everything they offer is live there.
 */
import {
  describeStatus,
  formatDay,
  modelStatus,
  type ModelStatus,
} from '../../../api/model-lifecycle.ts';
import { getModel } from '../../../api/model-lookup.ts';
import type { ModelId } from '../../../api/model-types.ts';
import {
  lifecycleProvider,
  providerModels,
  type Provider,
  type ProviderModel,
} from '../../../api/provider.ts';
import type { Draft, DraftOperation } from './draft-settings.ts';

/** What choosing an entry sets on the draft. */
export interface ModelChoice {
  model: ModelId;
  /** The id the provider serves it under, when it differs (Azure, compatible). */
  servedModel?: string;
  /** Typed by the user: kept even though the provider does not list it. */
  custom?: true;
  /** Picked while retired: the studio does not move it to its successor. */
  keepRetired?: true;
}

export interface PickerEntry {
  value: string;
  label: string;
  description: string;
  status: ModelStatus;
  choice: ModelChoice;
}

const ORDER: Record<ModelStatus['state'], number> = { live: 0, retiring: 1, retired: 2 };

/** The provider's models that can do the operation. */
export function offeredModels(provider: Provider, operation: DraftOperation): ProviderModel[] {
  return providerModels(provider).filter((m) => getModel(m.model).operations[operation]);
}

/** The value the picker shows for a draft. */
export function pickerValue(provider: Provider, draft: Draft): string {
  return provider.models !== undefined ? (draft.servedModel ?? draft.model) : draft.model;
}

function describe(provider: Provider, m: ProviderModel, status: ModelStatus, now: number) {
  const model = getModel(m.model);
  const lifecycle = status.state !== 'live' ? describeStatus(status) : null;
  // An Azure deployment's name hides the model: its retirement must still be said.
  if (provider.models !== undefined && m.id !== m.model) {
    const rules = `Follows ${model.label} rules`;
    return lifecycle ? `${rules} · ${lifecycle}` : rules;
  }
  if (lifecycle) return lifecycle;
  // The local engine serves every model; say which ones OpenAI no longer does.
  const onOpenAI = lifecycleProvider(provider) === null && modelStatus(m.model, 'openai', now);
  if (onOpenAI && onOpenAI.state === 'retired') return `${model.blurb} Retired on OpenAI.`;
  return model.blurb;
}

/** Entries in picker order; retired ones only with `showRetired` (or when the draft has one). */
export function pickerEntries(
  provider: Provider,
  operation: DraftOperation,
  draft: Draft,
  now: number,
  showRetired: boolean,
): { entries: PickerEntry[]; retiredCount: number } {
  const mapped = provider.models !== undefined;
  const on = lifecycleProvider(provider);
  const current = pickerValue(provider, draft);
  const all: PickerEntry[] = offeredModels(provider, operation).map((m) => {
    const status = modelStatus(m.model, on, now);
    const model = getModel(m.model);
    return {
      value: mapped ? m.id : m.model,
      label: mapped && m.id !== m.model ? m.id : model.label,
      description: describe(provider, m, status, now),
      status,
      choice: {
        model: m.model,
        ...(mapped ? { servedModel: m.id } : {}),
        ...(status.state === 'retired' ? { keepRetired: true as const } : {}),
      },
    };
  });
  if (draft.custom && !all.some((e) => e.value === current)) {
    const model = getModel(draft.model);
    all.unshift({
      value: current,
      label: current,
      description: model.assumed ? model.blurb : `Typed id: ${model.label} rules`,
      status: modelStatus(draft.model, on, now),
      choice: { model: draft.model, servedModel: draft.servedModel, custom: true },
    });
  }
  const sorted = [...all].sort((a, b) => ORDER[a.status.state] - ORDER[b.status.state]);
  const retiredCount = sorted.filter((e) => e.status.state === 'retired').length;
  const entries = sorted.filter(
    (e) => showRetired || e.status.state !== 'retired' || e.value === current,
  );
  return { entries, retiredCount };
}

/** The Model field's hint for the chosen entry: a retiring or retired model's day and successor. */
export function pickerHint(provider: Provider, entry: PickerEntry | undefined): string | undefined {
  const status = entry?.status;
  if (!status || status.state === 'live') return undefined;
  const model = getModel(entry!.choice.model).label;
  const when =
    status.state === 'retiring'
      ? `${provider.name} retires ${model} on ${formatDay(status.shutdown)}.`
      : `${model} was retired on ${formatDay(status.since)}: ${provider.name} will likely refuse it.`;
  if (!status.successor) return when;
  const label = getModel(status.successor).label;
  // Azure serves a model only through a deployment: say what to set up.
  if (provider.kind === 'azure' && !provider.models?.some((m) => m.model === status.successor))
    return `${when} Add a deployment for its successor, ${label}, in the provider settings.`;
  return `${when} Its successor is ${label}.`;
}
