import { DropdownMenu } from 'radix-ui';
import { useId, useRef, type FocusEvent, type ReactNode } from 'react';
import { MenuPartsContext, type MenuItemProps, type MenuParts } from './menu-parts.ts';
import './menu.css';

export interface MenuControlProps {
  /** The trigger button's content and class; its accessible name is `label`. */
  trigger: ReactNode;
  label: string;
  triggerClassName?: string;
  children: ReactNode;
  /** Opened at once: the designer pressed the stand-in before this code had loaded. */
  defaultOpen?: boolean;
  /**
   * The stand-in was opened from the keyboard: the first item takes the focus (the WAI-ARIA
   * menu button pattern). Radix decides by the keys it saw, and it saw none of these.
   */
  openedByKeyboard?: boolean;
  autoFocus?: boolean;
}

function Item({ onSelect, danger, disabled, hint, children }: MenuItemProps) {
  const labelId = useId();
  const hintId = useId();
  return (
    // Not Radix's `disabled`: it takes the item out of the arrow keys' path, and with it the
    // hint saying why. A disabled item is reached and read like the others, then refused.
    <DropdownMenu.Item
      className={`menu__item${danger ? ' menu__item--danger' : ''}${hint ? ' menu__item--hinted' : ''}`}
      aria-disabled={disabled || undefined}
      aria-labelledby={hint ? labelId : undefined}
      aria-describedby={hint ? hintId : undefined}
      onSelect={(event) => (disabled ? event.preventDefault() : onSelect())}
    >
      {hint ? <span id={labelId}>{children}</span> : children}
      {hint ? (
        <span id={hintId} className="menu__hint">
          {hint}
        </span>
      ) : null}
    </DropdownMenu.Item>
  );
}

const PARTS: MenuParts = {
  Item,
  Separator: () => <DropdownMenu.Separator className="menu__separator" />,
};

/**
 * A button that opens a short menu (Radix DropdownMenu: arrow keys, typeahead, Escape,
 * focus back on the button). Loaded by menu.tsx when the designer reaches for it.
 */
export function MenuControl({
  trigger,
  label,
  triggerClassName = 'button',
  children,
  defaultOpen,
  openedByKeyboard,
  autoFocus,
}: MenuControlProps) {
  // Only the opening the stand-in began: later ones are Radix's own, which sees their keys.
  const focusFirstItem = useRef(defaultOpen && openedByKeyboard);
  // Radix focuses the menu itself on opening (its "open auto focus" is not ours to set):
  // that focus is passed on to the first item.
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (!focusFirstItem.current || event.target !== event.currentTarget) return;
    focusFirstItem.current = false;
    event.currentTarget.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  };
  return (
    <DropdownMenu.Root modal={false} defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger className={triggerClassName} aria-label={label} autoFocus={autoFocus}>
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="menu"
          align="start"
          sideOffset={4}
          collisionPadding={8}
          onFocus={onFocus}
        >
          <MenuPartsContext value={PARTS}>{children}</MenuPartsContext>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
