import { createContext, useContext, type KeyboardEvent, type ReactNode } from 'react';

/*
 * A row of chips of which one is chosen (a WAI-ARIA radio group with a roving tab stop): Tab
 * reaches the chosen chip, arrow keys and Home/End move along the row, Enter/Space or a click
 * chooses. What Radix ToggleGroup did for the gallery's boards, without its collection and
 * roving-focus code (a tenth of the Gallery view's script). Chips carry data-state on/off.
 */
interface Group {
  value: string;
  choose: (value: string) => void;
}
const GroupContext = createContext<Group>({ value: '', choose: () => undefined });

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

function moveFocus(event: KeyboardEvent<HTMLDivElement>): void {
  const chips = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
  const at = chips.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  const step = STEPS[event.key];
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? chips.length - 1
        : step !== undefined
          ? (at + step + chips.length) % chips.length
          : -1;
  if (next < 0) return;
  event.preventDefault();
  chips[next]?.focus();
}

export function ChipGroup({
  label,
  className,
  value,
  onValueChange,
  children,
}: {
  label: string;
  className?: string;
  value: string;
  onValueChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <div role="radiogroup" aria-label={label} className={className} onKeyDown={moveFocus}>
      <GroupContext value={{ value, choose: onValueChange }}>{children}</GroupContext>
    </div>
  );
}

export function Chip({
  value,
  className,
  children,
}: {
  value: string;
  className?: string;
  children: ReactNode;
}) {
  const group = useContext(GroupContext);
  const on = group.value === value;
  return (
    <button
      type="button"
      role="radio"
      aria-checked={on}
      data-state={on ? 'on' : 'off'}
      tabIndex={on ? 0 : -1}
      className={className}
      onClick={() => group.choose(value)}
    >
      {children}
    </button>
  );
}
