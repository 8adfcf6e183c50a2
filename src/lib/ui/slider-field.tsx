import type { ReactNode } from 'react';
import { Field } from './field.tsx';
import { Slider } from './slider.tsx';

interface SliderFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  /** The read-out beside the label, e.g. "3 images" or "85 %". */
  format?: (value: number) => string;
  hint?: ReactNode;
  disabled?: boolean;
}

/** A settings-form slider: label and value read-out above the track, an optional hint below. */
export function SliderField(props: SliderFieldProps) {
  const { label, value, min, max, step = 1, onChange, format = String, hint, disabled } = props;
  return (
    <Field
      label={label}
      hint={hint}
      aside={<output className="form-field__value">{format(value)}</output>}
    >
      {({ hintId }) => (
        <Slider
          label={label}
          value={value}
          min={min}
          max={max}
          step={step}
          format={format}
          onChange={onChange}
          disabled={disabled || min === max}
          describedBy={hintId}
        />
      )}
    </Field>
  );
}
