import { createContext, type ComponentType, type ReactNode } from 'react';

export interface MenuItemProps {
  onSelect: () => void;
  danger?: boolean;
  children: ReactNode;
}

/** The loaded menu's item and separator (menu-control.tsx), given to MenuItem/MenuSeparator. */
export interface MenuParts {
  Item: ComponentType<MenuItemProps>;
  Separator: ComponentType;
}

export const MenuPartsContext = createContext<MenuParts | null>(null);
