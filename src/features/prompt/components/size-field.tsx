import { Fragment } from 'react';
import { checkCustomSize, isExperimentalSize } from '../../../api/image-size.ts';
import type { OperationRules } from '../../../api/model-types.ts';
import { CUSTOM_SIZE, effectiveSize, type DraftSettings } from '../settings/draft-settings.ts';
import { SelectField } from '../../../lib/ui/select-field.tsx';
import type { Choice } from '../../../lib/ui/segmented-field.tsx';

interface SizeFieldProps {
  rules: OperationRules;
  settings: DraftSettings;
  onChange: (patch: Partial<DraftSettings>) => void;
}

/** The custom size's two inputs, in the order the API writes them ("1536x1024"). */
const DIMENSIONS = [
  { label: 'Width', key: 'customWidth' },
  { label: 'Height', key: 'customHeight' },
] as const;

function describeSize(size: string): Choice {
  if (size === 'auto')
    return { value: size, label: 'Auto', description: 'The model picks the shape' };
  const [w, h] = size.split('x').map(Number) as [number, number];
  const shape = w === h ? 'square' : w > h ? 'landscape' : 'portrait';
  return { value: size, label: `${w} × ${h}`, description: shape };
}

/** The model's sizes, plus free width × height where the model takes it (gpt-image-2). */
export function SizeField({ rules, settings, onChange }: SizeFieldProps) {
  const choices = rules.sizes.map(describeSize);
  if (rules.customSize) {
    choices.push({ value: CUSTOM_SIZE, label: 'Custom…', description: 'Any width × height' });
  }
  const custom = settings.size === CUSTOM_SIZE && rules.customSize;
  const rule = rules.customSize;
  const problem =
    custom && rule
      ? checkCustomSize({ width: settings.customWidth, height: settings.customHeight }, rule)
      : null;
  const experimental = custom && !problem && isExperimentalSize(rules, effectiveSize(settings));
  return (
    <>
      <SelectField
        label="Size"
        value={settings.size}
        choices={choices}
        onChange={(size) => onChange({ size })}
      />
      {custom && rule ? (
        <div className="size-custom">
          {DIMENSIONS.map(({ label, key }, i) => (
            <Fragment key={key}>
              {i > 0 ? <span aria-hidden="true">×</span> : null}
              <label className="size-custom__input">
                <span>{label}</span>
                <input
                  type="number"
                  inputMode="numeric"
                  min={rule.multiple}
                  max={rule.maxEdge}
                  step={rule.multiple}
                  value={settings[key]}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby="size-custom-rule"
                  onChange={(e) => onChange({ [key]: Math.round(Number(e.target.value)) || 0 })}
                />
              </label>
            </Fragment>
          ))}
          <p
            id="size-custom-rule"
            className={`form-field__hint${problem ? ' form-field__hint--error' : experimental ? ' form-field__hint--warning' : ''}`}
            role={problem ? 'alert' : undefined}
          >
            {problem ??
              (experimental
                ? 'Experimental: above 2560 × 1440 the API may be slower or less consistent.'
                : `Multiples of ${rule.multiple}, aspect 1:3 to 3:1, up to 3840 × 2160.`)}
          </p>
        </div>
      ) : null}
    </>
  );
}
