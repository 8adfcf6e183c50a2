import { Tooltip } from 'radix-ui';
import type { MouseEvent, ReactNode } from 'react';
import type { EditorCommand } from '../commands/editor-command.ts';
import { runCommand } from '../hooks/run-command.ts';
import { EditorIcon, type EditorIconName } from './editor-icon.tsx';

interface ToolbarButtonProps {
  label: string;
  icon: EditorIconName;
  shortcut?: string | null;
  /** A sentence after the label in the tooltip. */
  hint?: string;
  /** The event says which modifier keys were held (Shift adds, Alt takes away…). */
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
  disabled?: boolean;
  children?: ReactNode;
}

/** An icon button whose accessible name is its label; the tooltip adds the shortcut. */
export function ToolbarButton({
  label,
  icon,
  shortcut,
  hint,
  onClick,
  disabled,
  children,
}: ToolbarButtonProps) {
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>
        <button
          type="button"
          className="editor-tool"
          aria-label={label}
          aria-keyshortcuts={shortcut ?? undefined}
          onClick={onClick}
          disabled={disabled}
        >
          <EditorIcon name={icon} />
          {children}
        </button>
      </Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content className="editor-tooltip" sideOffset={6}>
          {hint ? `${label} — ${hint}` : label}
          {shortcut ? <kbd>{shortcut}</kbd> : null}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}

/** A toolbar button that runs an editor command: named after it, its shortcut in the tooltip. */
export function CommandButton({
  command,
  icon,
  disabled,
}: {
  command: EditorCommand;
  icon: EditorIconName;
  disabled?: boolean;
}) {
  return (
    <ToolbarButton
      label={command.label}
      icon={icon}
      shortcut={command.shortcut}
      disabled={disabled}
      onClick={() => runCommand(command)}
    />
  );
}
