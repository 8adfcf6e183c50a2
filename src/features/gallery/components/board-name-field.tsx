import { useId, useState } from 'react';
import { MAX_BOARD_NAME } from '../../gallery-store/gallery-entry.ts';
import '../../../lib/ui/popover-panel.css';

interface BoardNameFieldProps {
  label: string;
  initial: string;
  /**
   * Why the name typed cannot be saved (another board has it), or null. Asked as the name
   * is saved; the field then stays open, with the name, saying why.
   */
  refuse: (name: string) => string | null;
  /**
   * The name typed (trimmed), or '' when cancelled with Escape or left empty; `byKey` when
   * Enter or Escape closed it (the focus is the caller's to place), not leaving it.
   */
  onDone: (name: string, byKey: boolean) => void;
}

/**
 * An inline name field: Enter saves, Escape cancels, leaving it saves what was typed. A name
 * refused is kept in the field, with the reason under it, until changed or cancelled.
 */
export function BoardNameField({ label, initial, refuse, onDone }: BoardNameFieldProps) {
  const [name, setName] = useState(initial);
  const [done, setDone] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const reasonId = useId();
  const finish = (value: string, byKey = false) => {
    if (done) return;
    const reason = value.trim() ? refuse(value) : null;
    if (reason) return setRefused(reason);
    setDone(true);
    onDone(value.trim(), byKey);
  };
  return (
    <span className="board-bar__field">
      <input
        className="input board-bar__name"
        aria-label={label}
        aria-invalid={refused !== null}
        aria-describedby={refused ? reasonId : undefined}
        placeholder="Board name"
        maxLength={MAX_BOARD_NAME}
        // The field appears because the user asked to type a name.
        autoFocus
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setRefused(null);
        }}
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
      {refused ? (
        <span id={reasonId} role="alert" className="popover-panel board-bar__refused">
          {refused} Choose another name.
        </span>
      ) : null}
    </span>
  );
}
