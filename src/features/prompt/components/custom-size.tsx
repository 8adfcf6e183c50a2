import { useId, useState } from 'react';
import { checkCustomSize, isExperimentalSize } from '../../../api/image-size.ts';
import type { Dimensions, OperationRules } from '../../../api/model-types.ts';
import { ASPECT_PRESETS, matchingPreset, presetSize, snapSize } from '../../../api/size-snap.ts';
import { effectiveSize, type DraftSettings } from '../settings/draft-settings.ts';
import { FieldNote } from '../../../lib/ui/field-note.tsx';
import { Icon } from '../../../lib/ui/icons.tsx';
import './custom-size.css';

interface CustomSizeProps {
  modelLabel: string;
  rules: OperationRules & { customSize: NonNullable<OperationRules['customSize']> };
  settings: DraftSettings;
  onChange: (patch: Partial<DraftSettings>) => void;
}

const times = (d: Dimensions) => `${d.width} × ${d.height}`;

/** What snapping did, kept until dismissed or the size changes again. */
interface Snapped {
  from: Dimensions;
  to: Dimensions;
  why: string;
}

/**
 * Free width × height (GPT Image 2 and later): aspect presets at about the current pixel
 * count, a W↔H swap, and a size the model does not take moved to the nearest one it does
 * when the field is left — said, with the rule it broke — instead of an error.
 */
export default function CustomSize({ modelLabel, rules, settings, onChange }: CustomSizeProps) {
  const rule = rules.customSize;
  const ruleId = useId();
  const [snapped, setSnapped] = useState<Snapped | null>(null);
  const size = { width: settings.customWidth, height: settings.customHeight };
  const problem = checkCustomSize(size, rule);
  const nearest = problem ? snapSize(size, rule) : null;
  const preset = problem ? undefined : matchingPreset(size, rule.multiple);

  const set = (next: Dimensions) => {
    setSnapped(null);
    onChange({ customWidth: next.width, customHeight: next.height });
  };
  // Leaving the fields (or Enter) puts the typed size where the model takes it.
  const commit = () => {
    if (!problem || !nearest) return;
    onChange({ customWidth: nearest.width, customHeight: nearest.height });
    setSnapped({ from: size, to: nearest, why: problem });
  };

  let hint = `Multiples of ${rule.multiple}, aspect 1:3 to 3:1, up to 3840 × 2160.`;
  let tone = '';
  if (problem && nearest) {
    hint = `${modelLabel} does not take ${times(size)}: ${lower(problem)} ${times(nearest)} will be used.`;
    tone = ' form-field__hint--warning';
  } else if (isExperimentalSize(rules, effectiveSize(settings, rules))) {
    hint = 'Experimental: above 2560 × 1440 the API may be slower or less consistent.';
    tone = ' form-field__hint--warning';
  }

  return (
    <div
      className="size-custom"
      role="group"
      aria-label="Custom size"
      // Snapped when the focus leaves both fields, so typing the width first is not undone.
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) commit();
      }}
    >
      <div
        className="segmented segmented--small size-custom__presets"
        role="group"
        aria-label="Aspect"
      >
        {ASPECT_PRESETS.map((p) => (
          <button
            key={p.label}
            type="button"
            className="segmented__item"
            aria-pressed={preset?.label === p.label}
            data-state={preset?.label === p.label ? 'checked' : 'unchecked'}
            onClick={() => set(presetSize(p, size.width * size.height, rule))}
          >
            {p.label}
          </button>
        ))}
      </div>
      <DimensionInput
        label="Width"
        value={settings.customWidth}
        rule={rule}
        describedBy={ruleId}
        onChange={(customWidth) => (setSnapped(null), onChange({ customWidth }))}
        onCommit={commit}
      />
      <button
        type="button"
        className="button button--ghost button--icon size-custom__swap"
        aria-label="Swap width and height"
        title="Swap width and height"
        onClick={() => set({ width: size.height, height: size.width })}
      >
        <Icon name="swap" />
      </button>
      <DimensionInput
        label="Height"
        value={settings.customHeight}
        rule={rule}
        describedBy={ruleId}
        onChange={(customHeight) => (setSnapped(null), onChange({ customHeight }))}
        onCommit={commit}
      />
      {snapped ? (
        <FieldNote field="Size" onDismiss={() => setSnapped(null)}>
          Snapped {times(snapped.from)} to <strong>{times(snapped.to)}</strong>, the nearest size{' '}
          {modelLabel} takes. {snapped.why}
        </FieldNote>
      ) : (
        <p id={ruleId} className={`form-field__hint${tone}`}>
          {hint}
        </p>
      )}
    </div>
  );
}

const lower = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1);

function DimensionInput(props: {
  label: string;
  value: number;
  rule: { multiple: number; maxEdge: number };
  describedBy: string;
  onChange: (value: number) => void;
  onCommit: () => void;
}) {
  return (
    <label className="size-custom__input">
      <span>{props.label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={props.rule.multiple}
        max={props.rule.maxEdge}
        step={props.rule.multiple}
        value={props.value}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange(Math.round(Number(e.target.value)) || 0)}
        onKeyDown={(e) => e.key === 'Enter' && !e.ctrlKey && !e.metaKey && props.onCommit()}
      />
    </label>
  );
}
