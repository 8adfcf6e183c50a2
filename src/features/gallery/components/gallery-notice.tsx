import { useEffect } from 'react';
import { useArchiveStore } from '../stores/archive-store.ts';
import './selection-bar.css';

/** How long a success note stays; problems stay until dismissed. */
const DONE_NOTE_MS = 8000;

/** Progress and outcome of an export or import, or a failed action; a refusal lists what was wrong. */
export function GalleryNotice() {
  const status = useArchiveStore((s) => s.status);
  const dismiss = useArchiveStore((s) => s.dismiss);
  useEffect(() => {
    if (status.state !== 'done') return;
    const timer = setTimeout(dismiss, DONE_NOTE_MS);
    return () => clearTimeout(timer);
  }, [status, dismiss]);
  if (status.state === 'idle') return null;
  const failed = status.state === 'failed';
  return (
    <div
      className={`gallery-notice ${failed ? 'gallery-notice--error' : ''}`}
      role={failed ? 'alert' : 'status'}
      aria-label={failed ? 'Gallery problem' : 'Gallery progress'}
    >
      <div className="gallery-notice__body">
        <p>{status.message}</p>
        {failed && status.problems.length > 0 && (
          <ul className="gallery-notice__problems">
            {status.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </div>
      {status.state !== 'working' && (
        <button type="button" className="button button--ghost" onClick={dismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
