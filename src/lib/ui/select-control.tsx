import { Select as RadixSelect } from 'radix-ui';
import type { Choice } from './choice.ts';
import { pagePolicy } from '../page-policy.ts';
import { ChevronDown } from './chevron-down.tsx';

const focusOnMount = (trigger: HTMLButtonElement | null) => trigger?.focus();

export interface SelectProps {
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

export interface SelectControlProps extends SelectProps {
  /** Open at once: the designer pressed the stand-in trigger before this code had loaded. */
  defaultOpen?: boolean;
  /** Take the focus at once: the stand-in trigger had it. */
  autoFocus?: boolean;
}

/**
 * A drop-down of choices (Radix Select); each may carry a one-line description in the list.
 * Loaded when first wanted: select.tsx's Select stands in for it until then.
 */
export function SelectControl(props: SelectControlProps) {
  const { value, choices, onChange, disabled } = props;
  return (
    <RadixSelect.Root
      value={value}
      onValueChange={onChange}
      disabled={disabled}
      defaultOpen={props.defaultOpen}
    >
      <RadixSelect.Trigger
        ref={props.autoFocus ? focusOnMount : undefined}
        id={props.id}
        className={props.className ? `select__trigger ${props.className}` : 'select__trigger'}
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
      >
        <RadixSelect.Value />
        <RadixSelect.Icon className="select__icon" aria-hidden="true">
          <ChevronDown />
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
