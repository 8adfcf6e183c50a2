import { lazy, Suspense } from 'react';
import type { OperationRules } from '../../../api/model-types.ts';
import { CUSTOM_SIZE, type DraftSettings } from '../settings/draft-settings.ts';
import { SelectField } from '../../../lib/ui/select-field.tsx';
import type { Choice } from '../../../lib/ui/segmented-field.tsx';

// Presets, swap and snapping load when Custom… is first picked, not with the first screen.
const CustomSize = lazy(() => import('./custom-size.tsx'));

interface SizeFieldProps {
  modelLabel: string;
  rules: OperationRules;
  settings: DraftSettings;
  onChange: (patch: Partial<DraftSettings>) => void;
}

function describeSize(size: string): Choice {
  if (size === 'auto')
    return { value: size, label: 'Auto', description: 'The model picks the shape' };
  const [w, h] = size.split('x').map(Number) as [number, number];
  const shape = w === h ? 'square' : w > h ? 'landscape' : 'portrait';
  return { value: size, label: `${w} × ${h}`, description: shape };
}

/** The model's sizes, plus free width × height where the model takes it (gpt-image-2). */
export function SizeField({ modelLabel, rules, settings, onChange }: SizeFieldProps) {
  const choices = rules.sizes.map(describeSize);
  const rule = rules.customSize;
  if (rule) {
    choices.push({ value: CUSTOM_SIZE, label: 'Custom…', description: 'Any width × height' });
  }
  return (
    <>
      <SelectField
        label="Size"
        value={settings.size}
        choices={choices}
        onChange={(size) => onChange({ size })}
      />
      {settings.size === CUSTOM_SIZE && rule ? (
        <Suspense fallback={null}>
          <CustomSize
            modelLabel={modelLabel}
            rules={{ ...rules, customSize: rule }}
            settings={settings}
            onChange={onChange}
          />
        </Suspense>
      ) : null}
    </>
  );
}
