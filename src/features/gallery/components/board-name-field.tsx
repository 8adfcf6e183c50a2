import { useState } from 'react';
import { MAX_BOARD_NAME } from '../../gallery-store/gallery-entry.ts';

interface BoardNameFieldProps {
  label: string;
  initial: string;
  /** The name typed (trimmed), or '' when cancelled with Escape or left empty. */
  onDone: (name: string) => void;
}

/** An inline name field: Enter saves, Escape cancels, leaving it saves what was typed. */
export function BoardNameField({ label, initial, onDone }: BoardNameFieldProps) {
  const [name, setName] = useState(initial);
  const [done, setDone] = useState(false);
  const finish = (value: string) => {
    if (done) return;
    setDone(true);
    onDone(value.trim());
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
        if (e.key === 'Enter') finish(name);
        if (e.key === 'Escape') {
          e.stopPropagation();
          finish('');
        }
      }}
      onBlur={() => finish(name)}
    />
  );
}
