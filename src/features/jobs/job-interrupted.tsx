import { useState } from 'react';
import type { ImageJob } from './job-store.ts';
import { editResend } from './edit-resend.ts';
import { tryInterruptedAgain } from './try-interrupted-again.ts';
import { interruptedNote } from './interrupted-note.ts';

/** What an interrupted job lost, what it kept, and Try again. */
export function JobInterrupted({ job }: { job: ImageJob }) {
  const [problem, setProblem] = useState<string | null>(null);
  if (job.retriedAs) return null;
  return (
    <div className="callout callout--warning" role="alert">
      <div className="callout__body">
        <p className="callout__title">
          Interrupted: the page was reloaded or closed while this request ran.
        </p>
        <p>{interruptedNote(job)}</p>
        {job.inputs?.edit && !editResend() ? (
          <p>Tried again from here, its images are saved as the provider returns them.</p>
        ) : null}
        {problem ? <p>{problem}</p> : null}
      </div>
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          void tryInterruptedAgain(job.id).catch((error: unknown) =>
            setProblem(error instanceof Error ? error.message : String(error)),
          )
        }
      >
        Try again
      </button>
    </div>
  );
}
