import { RadioGroup } from 'radix-ui';
import type { ReactNode } from 'react';
import { Field } from './field.tsx';

import type { Choice } from './choice.ts';

export type { Choice };

interface SegmentedFieldProps<T extends string> {
  label: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  hint?: ReactNode;
}

/** A small set of mutually exclusive choices as one row of segments (a radio group). */
export function SegmentedField<T extends string>({
  label,
  value,
  choices,
  onChange,
  hint,
}: SegmentedFieldProps<T>) {
  return (
    <Field label={label} hint={hint}>
      {({ labelId, hintId }) => (
        <RadioGroup.Root
          className="segmented"
          aria-labelledby={labelId}
          aria-describedby={hintId}
          value={value}
          // Radix hands back the value of one of `choices`, all of type T.
          onValueChange={(v) => onChange(v as T)}
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
