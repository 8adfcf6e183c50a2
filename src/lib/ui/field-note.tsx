import type { ReactNode } from 'react';
import { Icon } from './icons.tsx';
import './field-note.css';

/**
 * What the studio changed on its own, said beside the field it changed (a snapped size, a
 * setting the new model does not take), until the designer dismisses it.
 */
export function FieldNote(props: {
  children: ReactNode;
  /** Names what is dismissed, for a screen reader: "Dismiss the note on Size". */
  field: string;
  onDismiss: () => void;
  /** An extra action (Undo a load). */
  action?: ReactNode;
}) {
  return (
    <div className="field-note" role="status">
      <p className="field-note__text">{props.children}</p>
      {props.action}
      <button
        type="button"
        className="button button--ghost button--icon field-note__dismiss"
        aria-label={`Dismiss the note on ${props.field}`}
        title="Dismiss"
        onClick={props.onDismiss}
      >
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
