import { getModel } from '../../../api/model-lookup.ts';
import { modelStatus } from '../../../api/model-lifecycle.ts';
import { lifecycleProvider, providerModels, type Provider } from '../../../api/provider.ts';
import type { DraftOperation } from '../settings/draft-settings.ts';
import type { Draft } from '../settings/draft-settings.ts';
import { SelectField } from '../../../lib/ui/select-field.tsx';

function isRetiredOn(provider: Provider, model: string): boolean {
  const on = lifecycleProvider(provider);
  return on !== null && modelStatus(model, on, Date.now()).state === 'retired';
}

interface ModelPickerProps {
  operation: DraftOperation;
  provider: Provider;
  draft: Draft;
  onSelect: (choice: { model: Draft['model']; servedModel?: string }) => void;
}

/** The provider's models that can do this operation, each with a line on what it is good at. */
export function ModelPicker({ operation, provider, draft, onSelect }: ModelPickerProps) {
  const offered = providerModels(provider).filter((m) => getModel(m.model).operations[operation]);
  const mapped = provider.models !== undefined;
  const value = mapped
    ? (draft.servedModel ?? offered.find((m) => m.model === draft.model)?.id ?? '')
    : draft.model;
  const choices = offered.map((m) => {
    const model = getModel(m.model);
    const retired = isRetiredOn(provider, m.model);
    return {
      value: mapped ? m.id : m.model,
      // A server that serves a model under its own table id reads like the table.
      label: mapped && m.id !== m.model ? m.id : model.label,
      description:
        mapped && m.id !== m.model
          ? `Follows ${model.label} rules`
          : retired
            ? `${model.blurb} Retired on ${provider.name}.`
            : model.blurb,
    };
  });
  const current = getModel(draft.model);
  const retiredHere = isRetiredOn(provider, draft.model);
  if (offered.length === 0) {
    return (
      <p className="callout callout--warning" role="status">
        {provider.name} has no model set up for {operation === 'edit' ? 'edits' : 'generation'}. Add
        one in the provider settings.
      </p>
    );
  }
  return (
    <SelectField
      label="Model"
      value={value}
      choices={choices}
      onChange={(v) => {
        const picked = offered.find((m) => (mapped ? m.id === v : m.model === v));
        if (picked) onSelect({ model: picked.model, servedModel: mapped ? picked.id : undefined });
      }}
      hint={
        retiredHere
          ? `${provider.name} has retired ${current.label}; it will refuse it.`
          : undefined
      }
    />
  );
}
