import { useId } from 'react';
import type { Choice } from '../../../lib/ui/segmented-field.tsx';
import { Select } from '../../../lib/ui/select.tsx';

interface FilterSelectProps {
  label: string;
  /** The label only names the drop-down for screen readers ("Order": the choices say it). */
  hideLabel?: boolean;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
}

/** One of the gallery toolbar's drop-downs: a short label beside the studio's Select. */
export function FilterSelect({ label, hideLabel, ...select }: FilterSelectProps) {
  const labelId = useId();
  return (
    <div className="gallery-toolbar__field">
      <span id={labelId} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </span>
      <Select labelledBy={labelId} className="gallery-toolbar__select" {...select} />
    </div>
  );
}
