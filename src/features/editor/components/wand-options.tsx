import { Switch, ToggleGroup } from 'radix-ui';
import { useEffect } from 'react';
import type { SelectionMode } from '../selection/apply-selection.ts';
import { wandSession } from '../selection/editor-selection.ts';
import { TOLERANCE_MAX, TOLERANCE_MIN } from '../selection/magic-wand.ts';
import { useSelectionStore } from '../selection/selection-store.ts';
import { loadPicture } from '../selection/wand-selector.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { LabelledSlider } from './labelled-slider.tsx';

const MODES: { mode: SelectionMode; label: string }[] = [
  { mode: 'replace', label: 'Replace' },
  { mode: 'add', label: 'Add' },
  { mode: 'subtract', label: 'Take away' },
];

/**
 * The magic wand's options, in the toolbar while the wand is the tool. Changing Tolerance or
 * Contiguous redoes the last click at once (while nothing else has changed the mask since): a
 * live preview. The mode says what a click does; Shift (add) and Alt (take away) override it
 * for one click, but a finger or the keyboard pen has no such key to hold.
 */
export function WandOptions() {
  const tolerance = useSelectionStore((s) => s.tolerance);
  const contiguous = useSelectionStore((s) => s.contiguous);
  const wandMode = useSelectionStore((s) => s.wandMode);
  const picture = useSessionStore((s) => s.prepared?.bitmap);
  // The picture's pixels go to the wand's worker as soon as the wand is picked, so the first
  // click does not wait for them. A failure here is reported by the click that needs them.
  useEffect(() => {
    if (picture) loadPicture(picture).catch(() => {});
  }, [picture]);

  return (
    <>
      <ToggleGroup.Root
        type="single"
        className="segmented segmented--small"
        aria-label="Magic wand mode"
        value={wandMode}
        onValueChange={(mode) =>
          mode && useSelectionStore.getState().setWandMode(mode as SelectionMode)
        }
      >
        {MODES.map(({ mode, label }) => (
          <ToggleGroup.Item key={mode} value={mode} className="segmented__item">
            {label}
          </ToggleGroup.Item>
        ))}
      </ToggleGroup.Root>
      <LabelledSlider
        label="Tolerance"
        className="editor-slider--tolerance"
        value={tolerance}
        min={TOLERANCE_MIN}
        max={TOLERANCE_MAX}
        format={String}
        onChange={(value) => {
          useSelectionStore.getState().setTolerance(value);
          void wandSession.refresh();
        }}
      />
      <label className="editor-switch">
        <Switch.Root
          className="editor-switch__root"
          checked={contiguous}
          onCheckedChange={(checked) => {
            useSelectionStore.getState().setContiguous(checked);
            void wandSession.refresh();
          }}
        >
          <Switch.Thumb className="editor-switch__thumb" />
        </Switch.Root>
        Contiguous
      </label>
    </>
  );
}
