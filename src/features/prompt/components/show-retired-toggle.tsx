import { Checkbox } from 'radix-ui';
import { useId } from 'react';

interface ShowRetiredToggleProps {
  count: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** Retired models stay out of the list unless asked for (the provider will likely refuse them). */
export function ShowRetiredToggle({ count, checked, onChange }: ShowRetiredToggleProps) {
  const id = useId();
  return (
    <div className="checkbox-row">
      <Checkbox.Root
        id={id}
        className="checkbox"
        checked={checked}
        onCheckedChange={(value) => onChange(value === true)}
      >
        <Checkbox.Indicator className="checkbox__indicator">✓</Checkbox.Indicator>
      </Checkbox.Root>
      <label htmlFor={id} className="checkbox-row__label">
        Show retired models ({count})
      </label>
    </div>
  );
}
