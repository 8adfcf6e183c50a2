import { RadioGroup } from 'radix-ui';
import type { Choice } from './choice.ts';

export interface SegmentsProps {
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  labelledBy: string;
  describedBy?: string;
}

/**
 * One row of mutually exclusive segments (a Radix radio group). Split from the studio's
 * entry: segmented-field.tsx shows it.
 */
export function SegmentsControl({
  value,
  choices,
  onChange,
  labelledBy,
  describedBy,
}: SegmentsProps) {
  return (
    <RadioGroup.Root
      className="segmented"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
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
  );
}
