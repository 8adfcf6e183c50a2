import { Popover, RadioGroup } from 'radix-ui';
import { useId } from 'react';
import {
  OVERLAY_SWATCHES,
  swatch,
  swatchCss,
  type OverlayChoice,
} from '../mask/overlay/overlay-colour.ts';
import { shownSwatch, useOverlayStore } from '../mask/overlay/overlay-store.ts';
import { PopoverPanel } from '../../../lib/ui/popover-panel.tsx';
import './mask-colour-popover.css';

/**
 * "Mask colour": the swatch the painted area is shown in, or Auto (the default), which
 * picks the swatch that stands out most from the picture under the paint. Remembered on
 * this device. The trigger shows the colour on the stage now.
 */
export function MaskColourPopover() {
  const choice = useOverlayStore((s) => s.choice);
  const shown = useOverlayStore(shownSwatch);
  const choose = useOverlayStore((s) => s.choose);
  const headingId = useId();
  const shownLabel = swatch(shown).label;
  const summary = choice === 'auto' ? `Auto (${shownLabel})` : shownLabel;

  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button
          type="button"
          className="button button--ghost mask-colour__trigger"
          aria-label={`Mask colour: ${summary}`}
          title={`Mask colour: ${summary}`}
        >
          <span className="mask-colour__dot" style={{ background: swatchCss(shown) }} />
          {choice === 'auto' && (
            <span className="mask-colour__auto" aria-hidden="true">
              A
            </span>
          )}
        </button>
      </Popover.Trigger>
      <PopoverPanel className="mask-colour" aria-labelledby={headingId}>
        <span id={headingId} className="popover-panel__heading">
          Mask colour
        </span>
        <RadioGroup.Root
          className="mask-colour__choices"
          aria-labelledby={headingId}
          value={choice}
          onValueChange={(v) => choose(v as OverlayChoice)}
        >
          <RadioGroup.Item value="auto" className="mask-colour__choice">
            <span className="mask-colour__dot mask-colour__dot--auto" aria-hidden="true" />
            Auto
          </RadioGroup.Item>
          {OVERLAY_SWATCHES.map((s) => (
            <RadioGroup.Item key={s.id} value={s.id} className="mask-colour__choice">
              <span
                className="mask-colour__dot"
                style={{ background: swatchCss(s.id) }}
                aria-hidden="true"
              />
              {s.label}
            </RadioGroup.Item>
          ))}
        </RadioGroup.Root>
        <p className="popover-panel__hint">
          {choice === 'auto'
            ? `Auto shows the colour that stands out most from the picture under your paint: ${shownLabel.toLowerCase()} now.`
            : 'Only the display changes: the mask sent is the same in any colour.'}
        </p>
      </PopoverPanel>
    </Popover.Root>
  );
}
