import { ToggleGroup } from 'radix-ui';
import { useId, useState } from 'react';
import type { Dimensions } from '../../../api/model-types.ts';
import { ASPECT_PRESETS } from '../../../api/size-snap.ts';
import { presetCanvas } from './extend-geometry.ts';
import { useExtendStore } from './extend-store.ts';

/**
 * The canvas's size: an aspect preset (the smallest canvas of that shape around the
 * picture) or Width and Height typed in pixels (snapped to 16 when the field is left),
 * and a button to put the picture back in the middle. `summary` says how it will be made.
 */
export function ExtendControls({ original, summary }: { original: Dimensions; summary: string }) {
  const canvas = useExtendStore((s) => s.canvas);
  const aspect = useExtendStore((s) => s.aspect);
  // Held while an extend runs, and while a stopped one's layout is brought back.
  const running = useExtendStore((s) => s.running || s.restoring);
  const summaryId = useId();
  if (!canvas) return null;
  const { resize, centre } = useExtendStore.getState();
  return (
    <div
      className="extend-controls"
      role="group"
      aria-label="Canvas size"
      aria-describedby={summaryId}
    >
      <ToggleGroup.Root
        type="single"
        className="segmented segmented--small"
        aria-label="Aspect"
        value={aspect ?? ''}
        disabled={running}
        onValueChange={(label) => {
          const preset = ASPECT_PRESETS.find((p) => p.label === label);
          if (preset) resize(presetCanvas(original, preset.w, preset.h), preset.label);
        }}
      >
        {ASPECT_PRESETS.map((p) => (
          <ToggleGroup.Item key={p.label} value={p.label} className="segmented__item">
            {p.label}
          </ToggleGroup.Item>
        ))}
      </ToggleGroup.Root>
      <SizeInput
        label="Width"
        value={canvas.width}
        disabled={running}
        onCommit={(width) => resize({ ...canvas, width })}
      />
      <SizeInput
        label="Height"
        value={canvas.height}
        disabled={running}
        onCommit={(height) => resize({ ...canvas, height })}
      />
      <button type="button" className="button" onClick={centre} disabled={running}>
        Centre the picture
      </button>
      <p className="extend-controls__summary" id={summaryId}>
        {summary}
      </p>
    </div>
  );
}

/** A pixel size typed freely; it is applied (and snapped) on Enter or when the field is left. */
function SizeInput(props: {
  label: string;
  value: number;
  disabled: boolean;
  onCommit: (value: number) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    const n = Number(draft);
    if (draft !== null && Number.isFinite(n) && n > 0) props.onCommit(n);
    setDraft(null);
  };
  return (
    <span className="extend-controls__size">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className="input extend-controls__input"
        type="number"
        inputMode="numeric"
        min={16}
        step={16}
        disabled={props.disabled}
        value={draft ?? String(props.value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <span aria-hidden="true">px</span>
    </span>
  );
}
