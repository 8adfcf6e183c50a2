import { useState } from 'react';
import { MAX_BOARD_NAME } from '../../gallery-store/gallery-entry.ts';

interface BoardNameFieldProps {
  label: string;
  initial: string;
  /**
   * The name typed (trimmed), or '' when cancelled with Escape or left empty; `byKey` when
   * Enter or Escape closed it (the focus is the caller's to place), not leaving it.
   */
  onDone: (name: string, byKey: boolean) => void;
}

/** An inline name field: Enter saves, Escape cancels, leaving it saves what was typed. */
export function BoardNameField({ label, initial, onDone }: BoardNameFieldProps) {
  const [name, setName] = useState(initial);
  const [done, setDone] = useState(false);
  const finish = (value: string, byKey = false) => {
    if (done) return;
    setDone(true);
    onDone(value.trim(), byKey);
  };
  return (
    <input
      className="input board-bar__name"
      aria-label={label}
      placeholder="Board name"
      maxLength={MAX_BOARD_NAME}
      // The field appears because the user asked to type a name.
      autoFocus
      value={name}
      onChange={(e) => setName(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          // Its keypress would otherwise press the button the focus goes back to.
          e.preventDefault();
          finish(name, true);
        }
        if (e.key === 'Escape') {
          e.stopPropagation();
          finish('', true);
        }
      }}
      onBlur={() => finish(name)}
    />
  );
}
