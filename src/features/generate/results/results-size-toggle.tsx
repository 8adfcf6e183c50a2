import { ToggleGroup } from 'radix-ui';
import { useResultsSize, type ResultsSize } from './results-size.ts';

const SIZES: readonly ResultsSize[] = ['small', 'medium', 'large'];

/** S / M / L: how big the older results sit under the newest (remembered). */
export function ResultsSizeToggle() {
  const size = useResultsSize((s) => s.size);
  const setSize = useResultsSize((s) => s.setSize);
  return (
    <ToggleGroup.Root
      type="single"
      className="segmented segmented--small job-list__size"
      aria-label="Thumbnail size"
      value={size}
      onValueChange={(v) => v && setSize(v as ResultsSize)}
    >
      {SIZES.map((s) => (
        <ToggleGroup.Item
          key={s}
          value={s}
          className="segmented__item"
          aria-label={`${s[0]!.toUpperCase()}${s.slice(1)} thumbnails`}
        >
          {s[0]!.toUpperCase()}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
