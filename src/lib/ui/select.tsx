import {
  createElement,
  useState,
  useSyncExternalStore,
  type ComponentType,
  type KeyboardEvent,
} from 'react';
import { ChevronDown } from './chevron-down.tsx';
import type { SelectControlProps, SelectProps } from './select-control.tsx';

export type { SelectProps };

/*
 * Radix Select with its positioning and focus handling is a quarter of the first screen's
 * script, for two closed drop-downs. It loads when the designer first reaches for a drop-down
 * (pointer over it, focus, press); until then a plain button stands in, looking and reading
 * the same (a closed combobox showing the chosen label). A press on it opens the real one as
 * soon as it has loaded.
 */
let Loaded: ComponentType<SelectControlProps> | undefined;
let loading: Promise<unknown> | undefined;
const listeners = new Set<() => void>();

function load(): void {
  loading ??= import('./select-control.tsx').then(
    (m) => {
      Loaded = m.SelectControl;
      listeners.forEach((l) => l());
    },
    () => (loading = undefined), // a failed fetch is tried again on the next reach
  );
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** A drop-down of choices; each may carry a one-line description in the list. */
export function Select(props: SelectProps) {
  // Never during hydration: the prerendered page has the stand-in.
  const control = useSyncExternalStore(
    subscribe,
    () => Loaded,
    () => undefined,
  );
  const [pressed, setPressed] = useState(false);
  const [focused, setFocused] = useState(false);
  if (control)
    return createElement(control, {
      ...props,
      defaultOpen: pressed,
      autoFocus: pressed || focused,
    });

  const open = () => {
    setPressed(true);
    load();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (['Enter', ' ', 'ArrowDown', 'ArrowUp'].includes(e.key)) {
      e.preventDefault();
      open();
    }
  };
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
      onPointerEnter={load}
      onFocus={() => {
        setFocused(true);
        load();
      }}
      onBlur={() => setFocused(false)}
      onPointerDown={(e) => {
        if (e.button === 0) {
          e.preventDefault(); // keep the focus where Radix will put it once open
          open();
        }
      }}
      onKeyDown={onKeyDown}
    >
      <span className="select__value">{label}</span>
      <span className="select__icon" aria-hidden="true">
        <ChevronDown />
      </span>
    </button>
  );
}
