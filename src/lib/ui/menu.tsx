import {
  createElement,
  useContext,
  useState,
  useSyncExternalStore,
  type ComponentType,
  type KeyboardEvent,
} from 'react';
import type { MenuControlProps } from './menu-control.tsx';
import { MenuPartsContext, type MenuItemProps } from './menu-parts.ts';

type MenuProps = Omit<MenuControlProps, 'defaultOpen' | 'autoFocus'>;

/*
 * Radix DropdownMenu (with its popper, collection and focus code) is a fifth of the Gallery
 * view's script, for menus that stay closed until asked. It loads when the designer first
 * reaches for a menu (pointer over it, focus, press); until then a plain button stands in,
 * looking and reading the same. A press on it opens the real menu as soon as it has loaded.
 */
let Loaded: ComponentType<MenuControlProps> | undefined;
let loading: Promise<unknown> | undefined;
const listeners = new Set<() => void>();

function load(): void {
  loading ??= import('./menu-control.tsx').then(
    (m) => {
      Loaded = m.MenuControl;
      listeners.forEach((l) => l());
    },
    () => (loading = undefined), // a failed fetch is tried again on the next reach
  );
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** A button that opens a short menu of MenuItems. */
export function Menu(props: MenuProps) {
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
  return (
    <button
      type="button"
      className={props.triggerClassName ?? 'button'}
      aria-label={props.label}
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      onPointerEnter={load}
      onFocus={() => {
        setFocused(true);
        load();
      }}
      onBlur={() => setFocused(false)}
      onPointerDown={(e) => {
        if (e.button === 0) open();
      }}
      onKeyDown={onKeyDown}
    >
      {props.trigger}
    </button>
  );
}

export function MenuItem(props: MenuItemProps) {
  const parts = useContext(MenuPartsContext);
  return parts ? <parts.Item {...props} /> : null;
}

export function MenuSeparator() {
  const parts = useContext(MenuPartsContext);
  return parts ? <parts.Separator /> : null;
}
