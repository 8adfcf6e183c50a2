import { createElement, useContext, useState } from 'react';
import { loadOnReach, useStandIn } from './load-on-reach.ts';
import type { MenuControlProps } from './menu-control.tsx';
import { MenuPartsContext, type MenuItemProps } from './menu-parts.ts';

type MenuProps = Omit<MenuControlProps, 'defaultOpen' | 'openedByKeyboard' | 'autoFocus'>;

/*
 * Radix DropdownMenu (with its popper, collection and focus code) is a fifth of the Gallery
 * view's script, for menus that stay closed until asked: it loads on reach (load-on-reach.ts).
 */
const control = loadOnReach(() => import('./menu-control.tsx').then((m) => m.MenuControl));

/** A button that opens a short menu of MenuItems. */
export function Menu(props: MenuProps) {
  const Loaded = control.useLoaded();
  const { opened, open, triggerProps } = useStandIn(control.load);
  const [openedByKeyboard, setOpenedByKeyboard] = useState(false);
  // createElement: the control is a module's, loaded once, not one made during render.
  if (Loaded) return createElement(Loaded, { ...props, ...opened, openedByKeyboard });
  return (
    <button
      type="button"
      className={props.triggerClassName ?? 'button'}
      aria-label={props.label}
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      {...triggerProps}
      onKeyDown={(e) => {
        triggerProps.onKeyDown(e);
        if (e.defaultPrevented) setOpenedByKeyboard(true);
      }}
      onPointerDown={(e) => {
        if (e.button === 0) open();
      }}
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
