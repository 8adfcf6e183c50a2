import type { ReactNode } from 'react';
import { Field } from './field.tsx';
import { Slider, type SliderProps } from './slider.tsx';

type SliderFieldProps = Omit<SliderProps, 'describedBy' | 'className'> & {
  /** One line under the track (the read-out beside the label is `format(value)`). */
  hint?: ReactNode;
};

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
