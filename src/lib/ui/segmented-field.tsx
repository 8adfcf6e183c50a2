import { RadioGroup } from 'radix-ui';
import type { ReactNode } from 'react';
import { Field } from './field.tsx';

export interface Choice {
  value: string;
  label: string;
  /** Shown as the option's tooltip and read by screen readers. */
  description?: string;
}

interface SegmentedFieldProps {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  hint?: ReactNode;
}

/** A small set of mutually exclusive choices as one row of segments (a radio group). */
export function SegmentedField({ label, value, choices, onChange, hint }: SegmentedFieldProps) {
  return (
    <Field label={label} hint={hint}>
      {({ labelId, hintId }) => (
        <RadioGroup.Root
          className="segmented"
          aria-labelledby={labelId}
          aria-describedby={hintId}
          value={value}
          onValueChange={onChange}
          orientation="horizontal"
        >
          {choices.map((choice) => (
            <RadioGroup.Item
              key={choice.value}
              value={choice.value}
              className="segmented__item"
              title={choice.description}
            >
              {choice.label}
            </RadioGroup.Item>
          ))}
        </RadioGroup.Root>
      )}
    </Field>
  );
}
