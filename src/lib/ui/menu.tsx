import { DropdownMenu } from 'radix-ui';
import type { ReactNode } from 'react';
import './menu.css';

interface MenuProps {
  /** The trigger button's content and class; its accessible name is `label`. */
  trigger: ReactNode;
  label: string;
  triggerClassName?: string;
  children: ReactNode;
}

/**
 * A button that opens a short menu (Radix DropdownMenu: arrow keys, typeahead, Escape,
 * focus back on the button). Items are MenuItem.
 */
export function Menu({ trigger, label, triggerClassName = 'button', children }: MenuProps) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className={triggerClassName} aria-label={label}>
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="start" sideOffset={4} collisionPadding={8}>
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export function MenuItem({
  onSelect,
  danger,
  children,
}: {
  onSelect: () => void;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <DropdownMenu.Item
      className={`menu__item${danger ? ' menu__item--danger' : ''}`}
      onSelect={onSelect}
    >
      {children}
    </DropdownMenu.Item>
  );
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="menu__separator" />;
}
