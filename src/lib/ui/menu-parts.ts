import { createContext, type ComponentType, type ReactNode } from 'react';

export interface MenuItemProps {
  onSelect: () => void;
  danger?: boolean;
  /** Shown but not choosable; say why in `hint`. */
  disabled?: boolean;
  /** A second, smaller line under the item: why it is disabled, or what it will do. */
  hint?: ReactNode;
  children: ReactNode;
}

/** The loaded menu's item and separator (menu-control.tsx), given to MenuItem/MenuSeparator. */
export interface MenuParts {
  Item: ComponentType<MenuItemProps>;
  Separator: ComponentType;
}

export const MenuPartsContext = createContext<MenuParts | null>(null);
