import { useId } from 'react';

interface SubmitButtonProps {
  label: string;
  /** Why the request cannot be sent yet; empty when it can. */
  problems: string[];
  onSubmit: () => void;
}

/**
 * The send button. While the request is invalid it stays focusable but refuses, and the
 * list under it says what to fix (its accessible description), instead of greying out
 * without a reason.
 */
export function SubmitButton({ label, problems, onSubmit }: SubmitButtonProps) {
  const id = useId();
  const blocked = problems.length > 0;
  return (
    <div className="submit">
      <button
        type="button"
        className="button button--primary button--large submit__button"
        aria-disabled={blocked || undefined}
        aria-describedby={blocked ? id : undefined}
        onClick={() => {
          if (!blocked) onSubmit();
        }}
      >
        {label}
      </button>
      {blocked ? (
        <ul className="submit__problems" id={id}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
