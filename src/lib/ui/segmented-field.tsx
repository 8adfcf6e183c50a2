import type { ReactNode } from 'react';
import type { Choice } from './choice.ts';
import { Field } from './field.tsx';
import { island } from './island.tsx';
import type { SegmentsProps } from './segments-control.tsx';

export type { Choice };

interface SegmentedFieldProps<T extends string> {
  label: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  hint?: ReactNode;
}

// The radio group's Radix code is split from the entry chunk (island.tsx).
const Segments = island<SegmentsProps>(() =>
  import('./segments-control.tsx').then((m) => m.SegmentsControl),
);

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
        <Segments
          value={value}
          choices={choices}
          // The group hands back the value of one of `choices`, all of type T.
          onChange={(v) => onChange(v as T)}
          labelledBy={labelId}
          describedBy={hintId}
        />
      )}
    </Field>
  );
}
