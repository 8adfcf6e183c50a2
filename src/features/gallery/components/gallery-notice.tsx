import { useEffect } from 'react';
import { useArchiveStore } from '../stores/archive-store.ts';
import { WithFileNames } from './with-file-names.tsx';
import './selection-bar.css';

/** How long a success note stays; problems stay until dismissed. */
const DONE_NOTE_MS = 8000;

/** Progress and outcome of an export or import, or a failed action; a refusal lists what was wrong. */
export function GalleryNotice() {
  const status = useArchiveStore((s) => s.status);
  const dismiss = useArchiveStore((s) => s.dismiss);
  const checkInterrupted = useArchiveStore((s) => s.checkInterrupted);
  const undoInterrupted = useArchiveStore((s) => s.undoInterrupted);
  useEffect(() => {
    void checkInterrupted();
  }, [checkInterrupted]);
  const problems =
    status.state === 'failed' || status.state === 'done' ? (status.problems ?? []) : [];
  useEffect(() => {
    // A note that lists what was left out stays until it is read and dismissed.
    if (status.state !== 'done' || problems.length > 0) return;
    const timer = setTimeout(dismiss, DONE_NOTE_MS);
    return () => clearTimeout(timer);
  }, [status, problems.length, dismiss]);
  if (status.state === 'idle') return null;
  const failed = status.state === 'failed';
  const urgent = failed || status.state === 'interrupted';
  return (
    <div
      className={`gallery-notice ${urgent ? 'gallery-notice--error' : ''}`}
      role={urgent ? 'alert' : 'status'}
      aria-label={urgent ? 'Gallery problem' : 'Gallery progress'}
    >
      <div className="gallery-notice__body">
        <p>
          <WithFileNames text={status.message} />
        </p>
        {problems.length > 0 && (
          <ul className="gallery-notice__problems">
            {problems.map((problem) => (
              <li key={problem}>
                <WithFileNames text={problem} />
              </li>
            ))}
          </ul>
        )}
      </div>
      {status.state === 'interrupted' && (
        <button type="button" className="button" onClick={() => void undoInterrupted()}>
          Undo import
        </button>
      )}
      {status.state === 'working' && status.cancel && (
        <button type="button" className="button button--ghost" onClick={status.cancel}>
          Cancel import
        </button>
      )}
      {status.state !== 'working' && (
        <button type="button" className="button button--ghost" onClick={dismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
