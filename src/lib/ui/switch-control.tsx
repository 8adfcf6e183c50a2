import { Switch as RadixSwitch } from 'radix-ui';

export interface SwitchProps {
  /** The id a visible `<label htmlFor>` names it by. */
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** An on/off switch (Radix Switch), styled by switch.css. Split from the entry: switch.tsx shows it. */
export function SwitchControl({ id, checked, onChange }: SwitchProps) {
  return (
    <RadixSwitch.Root id={id} className="switch" checked={checked} onCheckedChange={onChange}>
      <RadixSwitch.Thumb className="switch__thumb" />
    </RadixSwitch.Root>
  );
}
