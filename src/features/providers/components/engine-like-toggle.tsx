import { Checkbox } from 'radix-ui';
import { useId } from 'react';

interface EngineLikeToggleProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * The local engine can answer as OpenAI does today: the models OpenAI has shut down are refused
 * with its own "model not found", so a designer rehearses the switch to a real key offline.
 */
export function EngineLikeToggle({ checked, onChange }: EngineLikeToggleProps) {
  const id = useId();
  return (
    <div className="form-field">
      <div className="checkbox-row">
        <Checkbox.Root
          id={id}
          className="checkbox"
          checked={checked}
          onCheckedChange={(value) => onChange(value === true)}
          aria-describedby={`${id}-hint`}
        >
          <Checkbox.Indicator className="checkbox__indicator">✓</Checkbox.Indicator>
        </Checkbox.Root>
        <label htmlFor={id} className="checkbox-row__label">
          Act as OpenAI today
        </label>
      </div>
      <p className="form-field__hint" id={`${id}-hint`}>
        {checked
          ? 'Models OpenAI has retired are refused, as OpenAI refuses them; the model list shows what OpenAI serves.'
          : 'Every model is served, retired ones too, for offline work.'}
      </p>
    </div>
  );
}
