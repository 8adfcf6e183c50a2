import { Select } from 'radix-ui';
import type { ReactNode } from 'react';
import { Field } from './field.tsx';
import type { Choice } from './segmented-field.tsx';
import { pagePolicy } from '../page-policy.ts';

interface SelectFieldProps {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  hint?: ReactNode;
  disabled?: boolean;
}

/** A drop-down of choices; each may carry a one-line description shown in the list. */
export function SelectField({ label, value, choices, onChange, hint, disabled }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint}>
      {({ labelId, controlId, hintId }) => (
        <Select.Root value={value} onValueChange={onChange} disabled={disabled}>
          <Select.Trigger
            id={controlId}
            className="select__trigger"
            aria-labelledby={labelId}
            aria-describedby={hintId}
          >
            <Select.Value />
            <Select.Icon className="select__icon" aria-hidden="true">
              <svg width="12" height="12" viewBox="0 0 12 12" fill="none" stroke="currentColor">
                <path d="M3 4.5 6 7.5 9 4.5" strokeWidth="1.5" strokeLinecap="round" />
              </svg>
            </Select.Icon>
          </Select.Trigger>
          <Select.Portal>
            <Select.Content className="select__content" position="popper" sideOffset={4}>
              {/* Radix writes a small <style> here; the page's policy admits it by nonce. */}
              <Select.Viewport className="select__viewport" nonce={pagePolicy()?.styleNonce}>
                {choices.map((choice) => (
                  <Select.Item key={choice.value} value={choice.value} className="select__item">
                    <Select.ItemText>{choice.label}</Select.ItemText>
                    {choice.description ? (
                      <span className="select__description">{choice.description}</span>
                    ) : null}
                  </Select.Item>
                ))}
              </Select.Viewport>
            </Select.Content>
          </Select.Portal>
        </Select.Root>
      )}
    </Field>
  );
}
