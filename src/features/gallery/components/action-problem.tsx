import { useEffect, useRef } from 'react';

export interface ActionProblemReport {
  /** "Downloading failed" */
  title: string;
  /** Why, and what to do. */
  reason: string;
  /** The control that was pressed: the focus goes back to it on Dismiss. */
  pressed: HTMLElement | null;
  /** Text the clipboard refused: shown selected, to copy by hand. */
  copyByHand?: string;
}

/**
 * A failed action of the viewer's Info panel, said beside the buttons that were pressed: the
 * gallery's own notice lies under the viewer, where it can be neither seen nor reached.
 */
export function ActionProblem({
  problem,
  onDismiss,
}: {
  problem: ActionProblemReport;
  onDismiss: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const byHand = useRef<HTMLTextAreaElement>(null);
  // On a phone the panel is a short strip under the picture: the message is scrolled to.
  // (Braces: Chromium's scrollIntoView now returns a promise, which React would take for
  // the effect's cleanup.) Text to copy by hand is focused and selected: Ctrl+C copies it.
  useEffect(() => {
    void ref.current?.scrollIntoView({ block: 'nearest' });
    byHand.current?.focus();
    byHand.current?.select();
  }, [problem]);
  return (
    <div
      ref={ref}
      className="callout callout--danger entry-detail__problem"
      role="alert"
      aria-label="Image action failed"
    >
      <div className="callout__body">
        <p className="callout__title">{problem.title}</p>
        <p>{problem.reason}</p>
        {problem.copyByHand !== undefined ? (
          <label className="entry-detail__copy-by-hand">
            <span>Prompt to copy — select it and copy by hand (Ctrl+C, ⌘C on a Mac):</span>
            <textarea
              ref={byHand}
              className="textarea"
              readOnly
              rows={3}
              value={problem.copyByHand}
            />
          </label>
        ) : null}
      </div>
      <button
        type="button"
        className="button"
        onClick={() => {
          onDismiss();
          if (problem.pressed?.isConnected) problem.pressed.focus();
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
