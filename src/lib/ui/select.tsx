import { createElement } from 'react';
import { loadOnReach, useStandIn } from './load-on-reach.ts';
import { ChevronDown } from './chevron-down.tsx';
import type { SelectProps } from './select-control.tsx';

export type { SelectProps };

/*
 * Radix Select with its positioning and focus handling is a quarter of the first screen's
 * script, for two closed drop-downs: it loads on reach (load-on-reach.ts). The stand-in is a
 * closed combobox showing the chosen label.
 */
const control = loadOnReach(() => import('./select-control.tsx').then((m) => m.SelectControl));

/** A drop-down of choices; each may carry a one-line description in the list. */
export function Select(props: SelectProps) {
  const Loaded = control.useLoaded();
  const { opened, open, triggerProps } = useStandIn(control.load);
  // createElement: the control is a module's, loaded once, not one made during render.
  if (Loaded) return createElement(Loaded, { ...props, ...opened });

  const label = props.choices.find((c) => c.value === props.value)?.label;
  return (
    <button
      type="button"
      role="combobox"
      aria-expanded={false}
      aria-autocomplete="none"
      id={props.id}
      className={props.className ? `select__trigger ${props.className}` : 'select__trigger'}
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      disabled={props.disabled}
      data-disabled={props.disabled ? '' : undefined}
      {...triggerProps}
      onPointerDown={(e) => {
        if (e.button === 0) {
          e.preventDefault(); // keep the focus where Radix will put it once open
          open();
        }
      }}
    >
      <span className="select__value">{label}</span>
      <span className="select__icon" aria-hidden="true">
        <ChevronDown />
      </span>
    </button>
  );
}
