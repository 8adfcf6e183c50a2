import { Popover, ToggleGroup } from 'radix-ui';
import { useId, useRef, useState } from 'react';
import { composeWorker } from '../compose/compose-client.ts';
import { readMaskFile, type MaskReading } from '../mask/refine/load-mask.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { useToolStore } from '../stores/tool-store.ts';
import { BlendBandToggle } from './blend-band-toggle.tsx';
import { EditorIcon } from './editor-icon.tsx';
import { PopoverPanel } from '../../../lib/ui/popover-panel.tsx';
import './refine-mask-popover.css';

const READINGS: { value: MaskReading; label: string; hint: string }[] = [
  { value: 'auto', label: 'Auto', hint: 'alpha when the file has transparency' },
  { value: 'alpha', label: 'Alpha', hint: 'transparent = change' },
  { value: 'luminance', label: 'Luminance', hint: 'white = change' },
];
const STEP_MAX = 256;

const showWhole = (message: HTMLElement | null) => message?.scrollIntoView({ block: 'nearest' });

/**
 * "Refine mask": grow or shrink the painted area by N pixels (exact distances, round at the
 * corners, in the compose worker) and "Load mask…" from a PNG by alpha or by luminance.
 * Each is one undo step; a file that cannot be the mask says why and changes nothing.
 */
export function RefineMaskPopover() {
  const mask = useSessionStore((s) => s.mask);
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState(8);
  const [reading, setReading] = useState<MaskReading>('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const stepId = useId();

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      useToolStore.getState().announce(await work());
      setOpen(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const grow = (sign: 1 | -1) =>
    run(async () => {
      if (!mask) throw new Error('Open an image first.');
      const all = { x: 0, y: 0, width: mask.width, height: mask.height };
      const px = sign * step;
      const alpha = await composeWorker().growCoverage(mask.readAlpha(all), mask.width, px);
      const label = px > 0 ? `Grow mask by ${px} px` : `Shrink mask by ${-px} px`;
      mask.replaceCoverage(label, alpha);
      return label;
    });

  const load = (file: File) =>
    run(async () => {
      if (!mask) throw new Error('Open an image first.');
      const loaded = await readMaskFile(file, mask.width, mask.height, reading);
      mask.replaceCoverage('Load mask', loaded.coverage);
      const share = (loaded.paintedPixels / (mask.width * mask.height)) * 100;
      return `Mask loaded from ${file.name} by ${loaded.readBy}: ${share.toFixed(share < 1 ? 1 : 0)} % to change`;
    });

  const stepValid = Number.isInteger(step) && step >= 1 && step <= STEP_MAX;
  return (
    <Popover.Root open={open} onOpenChange={(o) => (setOpen(o), setError(null))}>
      <Popover.Trigger asChild>
        <button
          type="button"
          className="button button--ghost editor-preview-trigger"
          disabled={!mask}
        >
          <EditorIcon name="refine" />
          Refine mask
        </button>
      </Popover.Trigger>
      <PopoverPanel aria-label="Refine mask" className="refine-mask">
        <div className="refine-mask__row">
          <label htmlFor={stepId}>Grow or shrink by</label>
          <input
            id={stepId}
            className="input refine-mask__number"
            type="number"
            inputMode="numeric"
            min={1}
            max={STEP_MAX}
            value={Number.isNaN(step) ? '' : step}
            aria-invalid={!stepValid}
            aria-describedby={stepValid ? undefined : `${stepId}-why`}
            onChange={(e) => setStep(e.currentTarget.valueAsNumber)}
          />
          <span aria-hidden="true">px</span>
        </div>
        {!stepValid && (
          // Why Grow and Shrink are off, read out with the field (they are disabled, so
          // cannot carry it themselves).
          <p className="popover-panel__error" id={`${stepId}-why`}>
            Enter a whole number of pixels from 1 to {STEP_MAX}.
          </p>
        )}
        <div className="refine-mask__row">
          <button
            type="button"
            className="button"
            disabled={busy || !stepValid}
            onClick={() => void grow(1)}
          >
            Grow
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || !stepValid}
            onClick={() => void grow(-1)}
          >
            Shrink
          </button>
        </div>
        <hr className="popover-panel__rule" />
        <BlendBandToggle />
        <hr className="popover-panel__rule" />
        <span className="popover-panel__heading" id={`${stepId}-reading`}>
          Read a loaded mask by
        </span>
        <ToggleGroup.Root
          type="single"
          className="segmented segmented--small"
          aria-labelledby={`${stepId}-reading`}
          value={reading}
          onValueChange={(v) => v && setReading(v as MaskReading)}
        >
          {READINGS.map((r) => (
            <ToggleGroup.Item
              key={r.value}
              value={r.value}
              className="segmented__item"
              title={r.hint}
            >
              {r.label}
            </ToggleGroup.Item>
          ))}
        </ToggleGroup.Root>
        <p className="popover-panel__hint">{READINGS.find((r) => r.value === reading)!.hint}</p>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => fileInput.current?.click()}
        >
          Load mask…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/webp,image/*"
          hidden
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void load(file);
          }}
        />
        {error && (
          // Scrolled to within the panel: on a short phone it is at the foot of a scrolling panel.
          <p className="popover-panel__error" role="alert" ref={showWhole}>
            {error} Your mask is unchanged.
          </p>
        )}
      </PopoverPanel>
    </Popover.Root>
  );
}
