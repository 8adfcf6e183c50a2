import { useArchiveStore } from '../stores/archive-store.ts';

/** Progress and outcome of an export or import, or a failed action; a refusal lists what was wrong. */
export function GalleryNotice() {
  const status = useArchiveStore((s) => s.status);
  const dismiss = useArchiveStore((s) => s.dismiss);
  if (status.state === 'idle') return null;
  const failed = status.state === 'failed';
  return (
    <div
      className={`notice ${failed ? 'notice--error' : ''}`}
      role={failed ? 'alert' : 'status'}
      aria-label={failed ? 'Gallery problem' : 'Gallery progress'}
    >
      <div className="notice__body">
        <p>{status.message}</p>
        {failed && status.problems.length > 0 && (
          <ul className="notice__problems">
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
