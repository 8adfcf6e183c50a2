import type { ReactNode } from 'react';
import { Field } from './field.tsx';
import type { Choice } from './segmented-field.tsx';
import { Select } from './select.tsx';

interface SelectFieldProps {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  hint?: ReactNode;
  disabled?: boolean;
}

/** A settings-form drop-down: its label above, an optional hint below. */
export function SelectField({ label, value, choices, onChange, hint, disabled }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint}>
      {({ labelId, controlId, hintId }) => (
        <Select
          id={controlId}
          labelledBy={labelId}
          describedBy={hintId}
          value={value}
          choices={choices}
          onChange={onChange}
          disabled={disabled}
        />
      )}
    </Field>
  );
}
