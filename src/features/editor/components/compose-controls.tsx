import { Switch, ToggleGroup } from 'radix-ui';
import {
  FEATHER_MAX,
  GROW_MAX,
  type ComposeMode,
  type ComposeSettings,
} from '../../../lib/compose/compose-settings.ts';
import type { Registration } from '../../../lib/compose/registration.ts';
import { LabelledSlider } from './labelled-slider.tsx';
import './compose-controls.css';

const px = (v: number) => `${v} px`;

/**
 * How the result is put back onto the original: Raw (as returned), Hard (the original
 * outside the grown painted area) or Soft (feathered, colour matched), with the sizes and
 * switches that shape it. Every change shows at once on the full-size picture.
 */
export function ComposeControls({
  settings,
  onChange,
}: {
  settings: ComposeSettings;
  onChange: (settings: ComposeSettings) => void;
}) {
  const set = (patch: Partial<ComposeSettings>) => onChange({ ...settings, ...patch });
  const soft = settings.mode === 'soft';
  return (
    <div className="compose-controls" role="group" aria-label="Compose onto the original">
      <ToggleGroup.Root
        type="single"
        className="segmented segmented--small"
        aria-label="Compose"
        value={settings.mode}
        onValueChange={(v) => v && set({ mode: v as ComposeMode })}
      >
        <ToggleGroup.Item value="raw" className="segmented__item">
          Raw
        </ToggleGroup.Item>
        <ToggleGroup.Item value="hard" className="segmented__item">
          Hard
        </ToggleGroup.Item>
        <ToggleGroup.Item value="soft" className="segmented__item">
          Soft
        </ToggleGroup.Item>
      </ToggleGroup.Root>
      {settings.mode !== 'raw' && (
        <LabelledSlider
          className="compose-controls__slider"
          label="Grow"
          value={settings.grow}
          min={0}
          max={GROW_MAX}
          format={px}
          onChange={(grow) => set({ grow })}
        />
      )}
      {soft && (
        <>
          <LabelledSlider
            className="compose-controls__slider"
            label="Feather"
            value={settings.feather}
            min={0}
            max={FEATHER_MAX}
            format={px}
            onChange={(feather) => set({ feather })}
          />
          <ComposeSwitch
            label="Colour match"
            checked={settings.colourMatch}
            onChange={(colourMatch) => set({ colourMatch })}
          />
          <ComposeSwitch
            label="Keep unchanged pixels"
            checked={settings.keepUnchanged}
            onChange={(keepUnchanged) => set({ keepUnchanged })}
          />
        </>
      )}
    </div>
  );
}

function ComposeSwitch(props: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="editor-switch compose-controls__switch">
      <Switch.Root
        className="editor-switch__root"
        checked={props.checked}
        onCheckedChange={props.onChange}
      >
        <Switch.Thumb className="editor-switch__thumb" />
      </Switch.Root>
      {props.label}
    </label>
  );
}

/** What the registration check found, in words (null when the picture stayed in place). */
export function registrationNote(registration: Registration | null): string | null {
  if (!registration || registration.kind === 'aligned') return null;
  if (registration.kind === 'reframed') {
    return 'The model reframed the picture, so the original is not pasted over it: this is the result as returned.';
  }
  const along = (d: number, plus: string, minus: string) =>
    d === 0 ? null : `${Math.abs(d)} px ${d > 0 ? plus : minus}`;
  const moves = [
    along(registration.dx, 'right', 'left'),
    along(registration.dy, 'down', 'up'),
  ].filter(Boolean);
  return `The model shifted the picture ${moves.join(' and ')}; Easel realigned it before putting the original back.`;
}
