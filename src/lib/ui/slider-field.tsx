import { Slider } from 'radix-ui';
import type { ReactNode } from 'react';
import { Field } from './field.tsx';

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

/** A number on a track (Radix Slider), with its value read out beside the label. */
export function SliderField(props: SliderFieldProps) {
  const { label, value, min, max, step = 1, onChange, format = String, hint, disabled } = props;
  return (
    <Field
      label={label}
      hint={hint}
      aside={<output className="form-field__value">{format(value)}</output>}
    >
      {({ hintId }) => (
        <Slider.Root
          className="slider"
          value={[value]}
          min={min}
          max={max}
          step={step}
          disabled={disabled || min === max}
          onValueChange={([v]) => v !== undefined && onChange(v)}
        >
          <Slider.Track className="slider__track">
            <Slider.Range className="slider__range" />
          </Slider.Track>
          <Slider.Thumb
            className="slider__thumb"
            aria-label={label}
            aria-describedby={hintId}
            aria-valuetext={format(value)}
          />
        </Slider.Root>
      )}
    </Field>
  );
}
