import { lazy, Suspense, useState } from 'react';
import type { Provider } from '../../../api/provider.ts';
import { SelectField } from '../../../lib/ui/select-field.tsx';
import type { Draft, DraftOperation } from '../settings/draft-settings.ts';
import {
  pickerEntries,
  pickerHint,
  pickerValue,
  type ModelChoice,
} from '../settings/model-choices.ts';
import { CustomModelField } from './custom-model-field.tsx';
import './model-picker.css';

// Only a provider with retired models shows it, never the first screen: its checkbox code
// loads when first shown, behind a stand-in of its size so nothing below it moves.
const ShowRetiredToggle = lazy(() =>
  import('./show-retired-toggle.tsx').then((m) => ({ default: m.ShowRetiredToggle })),
);

interface ModelPickerProps {
  operation: DraftOperation;
  provider: Provider;
  draft: Draft;
  /** The studio's clock (ms): lifecycles are read on this day. */
  now: number;
  onSelect: (choice: ModelChoice) => void;
}

/**
 * The provider's models that can do this operation: live first, retiring ones with their day
 * and successor, retired ones behind "Show retired models"; and any id the user types.
 */
export function ModelPicker({ operation, provider, draft, now, onSelect }: ModelPickerProps) {
  const [showRetired, setShowRetired] = useState(false);
  const { entries, retiredCount } = pickerEntries(provider, operation, draft, now, showRetired);
  const value = pickerValue(provider, draft);
  const current = entries.find((e) => e.value === value);
  if (entries.length === 0) {
    return (
      <p className="callout callout--warning" role="status">
        {provider.name} has no model set up for {operation === 'edit' ? 'edits' : 'generation'}. Add
        one in the provider settings, or type a model id.
        <CustomModelField provider={provider} onUse={onSelect} />
      </p>
    );
  }
  const hint = pickerHint(provider, current);
  return (
    <div className="model-picker">
      <SelectField
        label="Model"
        value={value}
        choices={entries}
        onChange={(v) => {
          const picked = entries.find((e) => e.value === v);
          if (picked) onSelect(picked.choice);
        }}
        hint={hint}
      />
      <div className="model-picker__more">
        {retiredCount > 0 ? (
          <Suspense fallback={<RetiredTogglePlaceholder count={retiredCount} />}>
            <ShowRetiredToggle
              count={retiredCount}
              checked={showRetired}
              onChange={setShowRetired}
            />
          </Suspense>
        ) : null}
        <CustomModelField provider={provider} onUse={onSelect} />
      </div>
    </div>
  );
}

/** The toggle as it will look, inert and unnamed, while its code loads (a frame or two). */
function RetiredTogglePlaceholder({ count }: { count: number }) {
  return (
    <div className="checkbox-row" aria-hidden="true" inert>
      <span className="checkbox" />
      <span className="checkbox-row__label">Show retired models ({count})</span>
    </div>
  );
}
