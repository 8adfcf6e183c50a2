import { useContext, useId, type ReactNode } from 'react';
import { FieldErrorsContext } from './field-errors.ts';
import { FieldNote } from './field-note.tsx';
import { FieldNotesContext } from './field-notes.ts';

interface FieldProps {
  label: string;
  /** One line under the control: a rule, a consequence ("Links expire after 60 minutes"). */
  hint?: ReactNode;
  /** Rendered beside the label (e.g. a value read-out). */
  aside?: ReactNode;
  children: (ids: { labelId: string; controlId: string; hintId: string | undefined }) => ReactNode;
}

/**
 * A labelled setting: label (and read-out) above, the control, what the studio changed on it
 * (dismissible), an optional hint below.
 */
export function Field({ label, hint: normalHint, aside, children }: FieldProps) {
  const base = useId();
  const error = useContext(FieldErrorsContext)[label];
  const { notes, dismiss } = useContext(FieldNotesContext);
  const changed = notes[label] ?? [];
  const hint = error ? <span className="form-field__hint--error">{error}</span> : normalHint;
  const ids = {
    labelId: `${base}-label`,
    controlId: `${base}-control`,
    hintId: hint ? `${base}-hint` : undefined,
  };
  return (
    <div className="form-field">
      <div className="form-field__head">
        <label className="form-field__label" id={ids.labelId} htmlFor={ids.controlId}>
          {label}
        </label>
        {aside ? <span className="form-field__aside">{aside}</span> : null}
      </div>
      {children(ids)}
      {changed.length > 0 ? (
        <FieldNote field={label} onDismiss={() => dismiss(label)}>
          {changed.join(' ')}
        </FieldNote>
      ) : null}
      {hint ? (
        <p className="form-field__hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
