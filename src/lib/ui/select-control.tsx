import { Select as RadixSelect } from 'radix-ui';
import type { Choice } from './segmented-field.tsx';
import { pagePolicy } from '../page-policy.ts';

interface SelectProps {
  value: string;
  /** Values must not be empty strings (Radix reserves "" for "nothing chosen"). */
  choices: readonly Choice[];
  onChange: (value: string) => void;
  /** The id of the visible label that names the drop-down. */
  labelledBy: string;
  describedBy?: string;
  id?: string;
  disabled?: boolean;
  className?: string;
}

/** A drop-down of choices (Radix Select); each may carry a one-line description in the list. */
export function Select(props: SelectProps) {
  const { value, choices, onChange, disabled } = props;
  return (
    <RadixSelect.Root value={value} onValueChange={onChange} disabled={disabled}>
      <RadixSelect.Trigger
        id={props.id}
        className={props.className ? `select__trigger ${props.className}` : 'select__trigger'}
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
      >
        <RadixSelect.Value />
        <RadixSelect.Icon className="select__icon" aria-hidden="true">
          <svg width="12" height="12" viewBox="0 0 12 12" fill="none" stroke="currentColor">
            <path d="M3 4.5 6 7.5 9 4.5" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content className="select__content" position="popper" sideOffset={4}>
          {/* Radix writes a small <style> here; the page's policy admits it by nonce. */}
          <RadixSelect.Viewport className="select__viewport" nonce={pagePolicy()?.styleNonce}>
            {choices.map((choice) => (
              <RadixSelect.Item key={choice.value} value={choice.value} className="select__item">
                <RadixSelect.ItemText>{choice.label}</RadixSelect.ItemText>
                {choice.description ? (
                  <span className="select__description">{choice.description}</span>
                ) : null}
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}
