interface FilterDateProps {
  label: string;
  /** The chosen day as YYYY-MM-DD, or null for no limit. */
  value: string | null;
  /** The other end of the range, so the browser's picker cannot choose an empty one. */
  min?: string | null;
  max?: string | null;
  onChange: (value: string | null) => void;
}

/** One end of the gallery's date range: a short label beside a native date field. */
export function FilterDate({ label, value, min, max, onChange }: FilterDateProps) {
  return (
    <label className="gallery-toolbar__field">
      <span>{label}</span>
      <input
        type="date"
        className="gallery-field"
        value={value ?? ''}
        min={min ?? undefined}
        max={max ?? undefined}
        onChange={(e) => onChange(e.target.value || null)}
      />
    </label>
  );
}
