import { Popover } from 'radix-ui';
import type { ComponentProps } from 'react';
import './popover-panel.css';

type PopoverPanelProps = Omit<ComponentProps<typeof Popover.Content>, 'className'> & {
  /** The panel's own layout class, added to the shared surface. */
  className?: string;
};

/**
 * The content of a Radix Popover as a small panel under its button, aligned to the button's end
 * and kept 8 px inside the window. Name it with aria-label or aria-labelledby.
 */
export function PopoverPanel({ className, children, ...props }: PopoverPanelProps) {
  return (
    <Popover.Portal>
      <Popover.Content
        className={className ? `popover-panel ${className}` : 'popover-panel'}
        sideOffset={6}
        collisionPadding={8}
        align="end"
        {...props}
      >
        {children}
      </Popover.Content>
    </Popover.Portal>
  );
}
